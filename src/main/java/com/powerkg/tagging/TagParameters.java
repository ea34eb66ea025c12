package com.powerkg.tagging;

import java.util.List;
import java.util.Map;

import com.powerkg.run.RunParameter;

/**
 * The rule parameters stewards maintain in the graph ({@code (:Tag)-[:HAS_PARAMETER]->(:RuleParameter)}), keyed
 * {@code TAG.name}. A rule asking for a parameter the graph does not have fails with a message that says which
 * one and how to add it, rather than falling back to a number hidden in code.
 */
public record TagParameters(Map<String, Object> values) {

	public TagParameters {
		values = Map.copyOf(values);
	}

	public int integer(TagCode tag, String name) {
		Object value = value(tag, name);
		if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
			return n.intValue();
		}
		throw invalid(tag, name, value, "a whole number");
	}

	public double decimal(TagCode tag, String name) {
		if (value(tag, name) instanceof Number n) {
			return n.doubleValue();
		}
		throw invalid(tag, name, value(tag, name), "a number");
	}

	public List<String> strings(TagCode tag, String name) {
		if (value(tag, name) instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
			return list.stream().map(String.class::cast).toList();
		}
		throw invalid(tag, name, value(tag, name), "a list of strings");
	}

	/** The parameters as a run records them, by tag and name, each value as the taxonomy shows it. */
	public List<RunParameter> forRun() {
		return this.values.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
			int dot = e.getKey().indexOf('.');
			return new RunParameter(e.getKey().substring(0, dot), e.getKey().substring(dot + 1), text(e.getValue()));
		}).toList();
	}

	/** A parameter's value as stewards read it: a list comma-separated, a whole number without ".0". */
	static String text(Object value) {
		if (value instanceof List<?> list) {
			return String.join(", ", list.stream().map(String::valueOf).toList());
		}
		if (value instanceof Double d && d == Math.rint(d)) {
			return String.valueOf(d.longValue());
		}
		return String.valueOf(value);
	}

	private Object value(TagCode tag, String name) {
		Object value = this.values.get(tag + "." + name);
		if (value == null) {
			throw new IllegalStateException("Tag " + tag + " has no rule parameter '" + name + "' in the graph; add it with a Cypher "
					+ "script: MATCH (t:Tag {code: '" + tag + "'}) MERGE (t)-[:HAS_PARAMETER]->(:RuleParameter {key: '" + tag + "."
					+ name + "', tag: '" + tag + "', name: '" + name + "', value: ...})");
		}
		return value;
	}

	private static IllegalStateException invalid(TagCode tag, String name, Object value, String expected) {
		return new IllegalStateException("Rule parameter " + tag + "." + name + " is " + value + " but must be " + expected);
	}

}
