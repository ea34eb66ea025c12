package com.powerkg.security;

/**
 * Masks personal data the way Chinese utilities print it on notices: keep the family name, keep the first three
 * and last four digits of a mobile number. Pure functions, so the rule is tested without a server.
 */
public final class PersonalDataMasking {

	private PersonalDataMasking() {
	}

	/** 张伟 → 张*, 欧阳娜娜 → 欧***, "Li Lei" → L*****; companies keep their first two characters. */
	public static String maskName(String name) {
		if (name == null || name.isBlank()) {
			return name;
		}
		int[] cps = name.codePoints().toArray();
		int keep = (cps.length > 6) ? 2 : 1;
		var sb = new StringBuilder();
		for (int i = 0; i < cps.length; i++) {
			sb.appendCodePoint(i < keep ? cps[i] : '*');
		}
		return sb.toString();
	}

	/** 13812345678 → 138****5678; short numbers keep only their last two digits. */
	public static String maskPhone(String phone) {
		if (phone == null || phone.isBlank()) {
			return phone;
		}
		String digits = phone.strip();
		if (digits.length() >= 11) {
			return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
		}
		int keep = Math.min(2, digits.length());
		return "*".repeat(digits.length() - keep) + digits.substring(digits.length() - keep);
	}

}
