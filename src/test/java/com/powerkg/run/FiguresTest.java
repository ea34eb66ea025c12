package com.powerkg.run;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

	private static Figures of(Map<String, Object> properties) {
		return new Figures(Values.value(properties));
	}

	@Test
	void numbersAndCountsReadAsTheirTypesWhetherStoredAsIntegersOrFloats() {
		var f = of(Map.of("auc", 0.75, "rows", 947L, "floor", 1L, "counts", List.of(3L, 4.0), "pd", List.of(1L, 0.5)));
		assertThat(f.number("auc")).isEqualTo(0.75);
		assertThat(f.whole("rows")).isEqualTo(947L);
		assertThat(f.number("floor")).isEqualTo(1.0);
		assertThat(f.wholes("counts")).containsExactly(3L, 4L);
		assertThat(f.numbers("pd")).containsExactly(1.0, 0.5);
	}

	@Test
	void anAbsentFigureIsNullOrAnEmptyList() {
		var properties = new HashMap<String, Object>();
		properties.put("status", "TRAINED");
		properties.put("stored as null", null);
		var f = of(properties);
		assertThat(f.has("status")).isTrue();
		assertThat(f.has("model")).isFalse();
		assertThat(f.has("stored as null")).isFalse();
		assertThat(f.text("model")).isNull();
		assertThat(f.number("auc")).isNull();
		assertThat(f.whole("rows")).isNull();
		assertThat(f.flag("fired")).isNull();
		assertThat(f.texts("grades")).isEmpty();
		assertThat(f.numbers("cutoffs")).isEmpty();
		assertThat(f.dates("observed")).isEmpty();
		assertThat(f.rows("models")).isEmpty();
	}

	@Test
	void textsFlagsDatesAndRowsOfMaps() {
		var f = of(Map.of("grades", List.of("AAA", "AA"), "fired", true, "observed", List.of(LocalDate.of(2026, 11, 20)),
				"models", List.of(Map.of("model", "FISHER", "auc", 0.753), Map.of("model", "LOGISTIC"))));
		assertThat(f.texts("grades")).containsExactly("AAA", "AA");
		assertThat(f.flag("fired")).isTrue();
		assertThat(f.dates("observed")).containsExactly(LocalDate.of(2026, 11, 20));
		assertThat(f.rows("models")).extracting(m -> m.text("model")).containsExactly("FISHER", "LOGISTIC");
		assertThat(f.rows("models").get(0).number("auc")).isEqualTo(0.753);
		assertThat(f.rows("models").get(1).number("auc")).isNull();
	}

}
