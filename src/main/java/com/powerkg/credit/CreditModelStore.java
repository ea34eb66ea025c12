package com.powerkg.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * A run's credit figures as typed nodes ({@code write-figures.cypher}) and the served model read back from them for
 * what-if questions. A model read once is kept (runs never change once written), a few runs at most.
 */
@Component
public class CreditModelStore {

	private static final String WRITE = CypherResource.load(CreditModelStore.class, "write-figures.cypher");

	private static final String SERVED = CypherResource.load(CreditModelStore.class, "served-model.cypher");

	private static final int CACHED_RUNS = 4;

	private final Driver driver;

	private final GraphReads reads;

	private final Map<String, CreditModel> cache = new ConcurrentHashMap<>();

	public CreditModelStore(Driver driver) {
		this.driver = driver;
		this.reads = new GraphReads(driver);
	}

	/**
	 * One trained model and how it did on the held-out customers; {@code failure} when it could not be trained.
	 *
	 * @param monotoneViolations {@link CreditModel#monotoneViolations} on held-out customers
	 */
	public record Trained(CreditModel.Kind kind, CreditModel model, CreditMetrics metrics, double monotoneViolations, String failure) {

		/** A model that may rate: trained, measured, and never lowering a score for a riskier bin. */
		public boolean eligible() {
			return this.model != null && this.metrics != null && !Double.isNaN(this.metrics.auc()) && this.monotoneViolations == 0;
		}

	}

	/** Writes the figures of every model and every indicator of a run. */
	void write(String runId, List<Trained> models, CreditModel.Kind champion, CreditModel reference, DriftGate.Check drift) {
		List<Map<String, Object>> modelRows = new ArrayList<>();
		for (Trained t : models) {
			Map<String, Object> row = new HashMap<>();
			row.put("model", t.kind().name());
			row.put("champion", t.kind() == champion);
			row.put("message", t.failure());
			if (t.metrics() != null) {
				CreditMetrics m = t.metrics();
				row.put("auc", m.auc());
				row.put("ks", m.ks());
				row.put("gini", m.gini());
				row.put("customers", (long) m.customers());
				row.put("calibrationCustomers", m.calibration().stream().map(d -> (long) d.customers()).toList());
				row.put("calibrationPd", m.calibration().stream().map(CreditMetrics.Decile::meanProbabilityOfDefault).toList());
				row.put("calibrationObserved", m.calibration().stream().map(CreditMetrics.Decile::observedDefaultRate).toList());
				row.put("monotoneViolations", t.monotoneViolations());
			}
			row.put("trees", Map.of());
			if (t.model() != null) {
				row.put("indicators", t.model().used().stream().map(Enum::name).toList());
				row.put("coefficients", list(t.model().coefficients()));
				row.put("calibration", list(t.model().calibration()));
				// the trees themselves are kept only when they rate: the what-if needs them, nobody else does
				row.put("trees", t.kind() == champion && t.model().trees() != null ? t.model().trees().toProperties() : Map.of());
			}
			modelRows.add(row);
		}
		List<Map<String, Object>> indicatorRows = new ArrayList<>();
		if (reference != null) {
			for (Bins b : reference.bins()) {
				int j = b.indicator().ordinal();
				Map<String, Object> row = new HashMap<>();
				row.put("indicator", b.indicator().name());
				row.put("ordinal", (long) j);
				row.put("used", reference.used().contains(b.indicator()));
				row.put("iv", b.informationValue());
				row.put("psi", drift == null ? Double.NaN : drift.psi()[j]);
				row.put("direction", (long) b.direction());
				row.put("cuts", list(b.cuts()));
				row.put("woe", list(b.woe()));
				row.put("good", Arrays.stream(b.good()).boxed().toList());
				row.put("bad", Arrays.stream(b.bad()).boxed().toList());
				row.put("scored", drift == null ? List.of() : Arrays.stream(drift.scoredCounts()[j]).boxed().toList());
				row.put("sd", reference.sds()[j]);
				indicatorRows.add(row);
			}
		}
		this.driver.executableQuery(WRITE).withParameters(Map.of("run", runId, "models", modelRows, "indicators", indicatorRows)).execute();
	}

	/** The champion of a run, as it rated; null when the run stored none. */
	public CreditModel served(String runId) {
		CreditModel cached = this.cache.get(runId);
		if (cached != null) {
			return cached;
		}
		var records = this.reads.records(SERVED, Map.of("run", runId));
		if (records.isEmpty() || records.getFirst().get("model").isNull()) {
			return null;
		}
		CreditModel model = read(records.getFirst());
		if (this.cache.size() >= CACHED_RUNS) {
			this.cache.clear();
		}
		this.cache.put(runId, model);
		return model;
	}

	private static CreditModel read(Record record) {
		List<Value> indicators = record.get("indicators").asList(v -> v);
		CreditIndicator[] all = CreditIndicator.values();
		if (indicators.size() != all.length) {
			throw new IllegalStateException("the stored credit model has " + indicators.size() + " indicators, this version has "
					+ all.length + ": run analyze again");
		}
		List<Bins> bins = new ArrayList<>();
		double[] sds = new double[all.length];
		for (int j = 0; j < all.length; j++) {
			Value i = indicators.get(j);
			if (!i.get("indicator").asString().equals(all[j].name())) {
				throw new IllegalStateException("the stored credit model has indicator " + i.get("indicator").asString() + " where this "
						+ "version has " + all[j] + ": run analyze again");
			}
			bins.add(new Bins(all[j], doubles(i.get("cuts")), doubles(i.get("woe")), longs(i.get("good")), longs(i.get("bad")),
					i.get("direction").asInt(), i.get("informationValue").asDouble()));
			sds[j] = i.get("sd").asDouble();
		}
		Value m = record.get("model");
		CreditModel.Kind kind = CreditModel.Kind.valueOf(m.get("model").asString());
		List<CreditIndicator> used = m.get("indicators").asList(v -> CreditIndicator.valueOf(v.asString()));
		BoostedTrees trees = kind != CreditModel.Kind.BOOSTED_TREES ? null
				: BoostedTrees.of(m.get("treeRoots").asList(Value::asLong), m.get("treeColumns").asList(Value::asLong),
						m.get("treeValues").asList(Value::asDouble), m.get("treeLow").asList(Value::asLong), m.get("treeHigh").asList(Value::asLong));
		return new CreditModel(kind, List.copyOf(bins), used, doubles(m.get("coefficients")), trees, doubles(m.get("calibration")),
				doubles(record.get("cutoffs")), sds);
	}

	private static double[] doubles(Value v) {
		return v.isNull() ? new double[0] : v.asList(Value::asDouble).stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static long[] longs(Value v) {
		return v.asList(Value::asLong).stream().mapToLong(Long::longValue).toArray();
	}

	static List<Double> list(double[] values) {
		return Arrays.stream(values).boxed().toList();
	}

}
