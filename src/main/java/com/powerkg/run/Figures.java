package com.powerkg.run;

import java.time.LocalDate;
import java.util.List;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.Values;

/**
 * Figures stored in the graph (a run's properties, or one row of figures a statement returned), read as their types:
 * a capability asks for a number, a count or a list by name instead of casting what a map holds. A key that is absent
 * reads as null, or as an empty list; numbers are read whether they were stored as integers or floats. Reads a node's
 * or map's properties as well as a statement's row.
 */
public record Figures(MapAccessor value) {

	public boolean has(String key) {
		return !this.value.get(key).isNull();
	}

	public String text(String key) {
		return this.value.get(key).asString(null);
	}

	public Boolean flag(String key) {
		Value v = this.value.get(key);
		return v.isNull() ? null : v.asBoolean();
	}

	public Double number(String key) {
		Value v = this.value.get(key);
		return v.isNull() ? null : v.asNumber().doubleValue();
	}

	public Long whole(String key) {
		Value v = this.value.get(key);
		return v.isNull() ? null : v.asNumber().longValue();
	}

	public List<String> texts(String key) {
		return list(key).asList(Value::asString);
	}

	public List<Double> numbers(String key) {
		return list(key).asList(v -> v.asNumber().doubleValue());
	}

	public List<Long> wholes(String key) {
		return list(key).asList(v -> v.asNumber().longValue());
	}

	public List<LocalDate> dates(String key) {
		return list(key).asList(Value::asLocalDate);
	}

	/** A list of maps (e.g. one per model of a run), each read the same way. */
	public List<Figures> rows(String key) {
		return list(key).asList(Figures::new);
	}

	private Value list(String key) {
		Value v = this.value.get(key);
		return v.isNull() ? Values.value(List.of()) : v;
	}

}
