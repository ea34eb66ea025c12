package com.powerkg.generate;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What to generate: {@code customers} customers with {@code months} monthly bill periods ending with
 * {@code lastPeriod}. The same config always yields byte-identical files.
 */
public record GeneratorConfig(int customers, int months, long seed, YearMonth lastPeriod) {

	public static final YearMonth DEFAULT_LAST_PERIOD = YearMonth.of(2026, 10);

	/** Ten years of monthly history is the most any analysis here looks back. */
	public static final int MAX_MONTHS = 120;

	public GeneratorConfig {
		if (customers < 1) {
			throw new IllegalArgumentException("customers must be at least 1 but was " + customers);
		}
		if (months < 1 || months > MAX_MONTHS) {
			throw new IllegalArgumentException(
					"months must be between 1 and " + MAX_MONTHS + " but was " + months);
		}
		if (lastPeriod == null) {
			throw new IllegalArgumentException(
					"lastPeriod must not be null; use GeneratorConfig.DEFAULT_LAST_PERIOD (" + DEFAULT_LAST_PERIOD + ")");
		}
	}

	/** A config ending with {@link #DEFAULT_LAST_PERIOD}. */
	public static GeneratorConfig of(int customers, int months, long seed) {
		return new GeneratorConfig(customers, months, seed, DEFAULT_LAST_PERIOD);
	}

	/** The oldest consumption month / bill period. */
	public YearMonth firstPeriod() {
		return lastPeriod.minusMonths(months - 1L);
	}

	/**
	 * The data cut-off. The bill of {@code lastPeriod} is issued on day 1-3 of the next month, so on
	 * day 20 it exists and is partly paid: exactly what a collection worklist is built from.
	 */
	public LocalDate extractDate() {
		return lastPeriod.plusMonths(1).atDay(20);
	}
}
