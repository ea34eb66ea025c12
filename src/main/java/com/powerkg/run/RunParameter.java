package com.powerkg.run;

/**
 * One rule parameter a run used, as it records it: the tag, the parameter's name and its value as the taxonomy shows
 * it (a whole number without ".0", a list comma-separated).
 */
public record RunParameter(String tag, String name, String value) {

	/** The parameter in one line, {@code TAG.name=value}, as runs showed their parameters before they were typed. */
	public String line() {
		return this.tag + "." + this.name + "=" + this.value;
	}

}
