package com.powerkg.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

	@Test
	void rejectsFewerThanOneCustomer() {
		assertThatThrownBy(() -> GeneratorConfig.of(0, 24, 42))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("customers must be at least 1 but was 0");
	}

	@Test
	void rejectsMonthsOutsideOneToOneHundredTwenty() {
		assertThatThrownBy(() -> GeneratorConfig.of(10, 0, 42))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("months must be between 1 and 120 but was 0");
		assertThatThrownBy(() -> GeneratorConfig.of(10, 121, 42))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("months must be between 1 and 120 but was 121");
	}

	@Test
	void rejectsMissingLastPeriod() {
		assertThatThrownBy(() -> new GeneratorConfig(10, 24, 42, null))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith("lastPeriod must not be null");
	}

	@Test
	void firstPeriodLiesMonthsMinusOneBeforeTheLastPeriod() {
		assertThat(GeneratorConfig.of(10, 24, 42).firstPeriod()).isEqualTo(YearMonth.of(2024, 11));
		assertThat(GeneratorConfig.of(10, 1, 42).firstPeriod()).isEqualTo(GeneratorConfig.DEFAULT_LAST_PERIOD);
	}

	@Test
	void extractDateIsDayTwentyOfTheMonthAfterTheLastPeriod() {
		assertThat(GeneratorConfig.of(10, 24, 42).extractDate()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(new GeneratorConfig(10, 24, 42, YearMonth.of(2025, 12)).extractDate())
				.isEqualTo(LocalDate.of(2026, 1, 20));
	}
}
