package com.powerkg.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw features of every analysed customer, and their preparation for K-Means: region revenue shares, then
 * imputation of missing values as each {@link Feature.Missing} says, then the {@link Feature.Transform}, then
 * standardisation to mean 0 and standard deviation 1 (a constant feature becomes 0).
 */
public final class FeatureMatrix {

	private static final int F = Feature.values().length;

	private final List<String> ids = new ArrayList<>();

	private final List<String> usageCategories = new ArrayList<>();

	private final List<String> regions = new ArrayList<>();

	private final List<double[]> raw = new ArrayList<>();

	private final Map<Feature, Integer> imputed = new EnumMap<>(Feature.class);

	private double[][] standardised;

	public void add(String customerId, String usageCategory, String region, double[] features) {
		if (this.standardised != null) {
			throw new IllegalStateException("already prepared");
		}
		if (features.length != F) {
			throw new IllegalArgumentException("expected " + F + " features, got " + features.length);
		}
		this.ids.add(customerId);
		this.usageCategories.add(usageCategory);
		this.regions.add(region);
		this.raw.add(features.clone());
	}

	public int size() {
		return this.ids.size();
	}

	public String id(int i) {
		return this.ids.get(i);
	}

	/** A feature's value in original units after imputation (and region shares filled in). */
	public double raw(int i, Feature feature) {
		return this.raw.get(i)[feature.ordinal()];
	}

	/** Missing values imputed per feature (0 for every feature that had none). */
	public Map<Feature, Integer> imputed() {
		return this.imputed;
	}

	/** Fills in region shares and missing values, transforms and standardises. Called once, after the last add. */
	public FeatureMatrix prepare() {
		fillRegionShares();
		for (Feature feature : Feature.values()) {
			this.imputed.put(feature, impute(feature));
		}
		int n = size();
		this.standardised = new double[n][F];
		for (Feature feature : Feature.values()) {
			int f = feature.ordinal();
			double mean = 0;
			for (int i = 0; i < n; i++) {
				mean += feature.transform().apply(this.raw.get(i)[f]) / n;
			}
			double variance = 0;
			for (int i = 0; i < n; i++) {
				double d = feature.transform().apply(this.raw.get(i)[f]) - mean;
				variance += d * d / n;
			}
			double sd = Math.sqrt(variance);
			for (int i = 0; i < n; i++) {
				this.standardised[i][f] = (sd > 1e-12) ? (feature.transform().apply(this.raw.get(i)[f]) - mean) / sd : 0;
			}
		}
		return this;
	}

	/** The standardised columns of one dimension's features, one row per customer, as K-Means takes them. */
	public double[][] dimension(Dimension dimension) {
		if (this.standardised == null) {
			throw new IllegalStateException("prepare() first");
		}
		int[] columns = dimension.features().stream().mapToInt(Enum::ordinal).toArray();
		double[][] x = new double[size()][columns.length];
		for (int i = 0; i < x.length; i++) {
			for (int j = 0; j < columns.length; j++) {
				x[i][j] = this.standardised[i][columns[j]];
			}
		}
		return x;
	}

	/** Per mille of the annual revenue of the customer's region (of all customers when the region is blank). */
	private void fillRegionShares() {
		int revenue = Feature.ANNUAL_REVENUE.ordinal();
		Map<String, Double> totals = new HashMap<>();
		for (int i = 0; i < size(); i++) {
			totals.merge(regionKey(i), Math.max(0, this.raw.get(i)[revenue]), Double::sum);
		}
		for (int i = 0; i < size(); i++) {
			double total = totals.get(regionKey(i));
			this.raw.get(i)[Feature.REGION_REVENUE_SHARE.ordinal()] = total > 0 ? 1000 * Math.max(0, this.raw.get(i)[revenue]) / total : 0;
		}
	}

	private String regionKey(int i) {
		String region = this.regions.get(i);
		return (region == null || region.isBlank()) ? "" : region;
	}

	private int impute(Feature feature) {
		int f = feature.ordinal();
		List<Integer> missing = new ArrayList<>();
		for (int i = 0; i < size(); i++) {
			if (Double.isNaN(this.raw.get(i)[f])) {
				missing.add(i);
			}
		}
		if (missing.isEmpty()) {
			return 0;
		}
		if (feature.missing() == Feature.Missing.NEVER) {
			throw new IllegalStateException(feature + " has no value for customer " + this.ids.get(missing.getFirst()));
		}
		// every median from the observed values only, before the first missing value is filled in
		double overall = median(f, i -> true);
		Map<String, Double> byCategory = new HashMap<>();
		if (feature.missing() == Feature.Missing.MEDIAN_OF_USAGE_CATEGORY) {
			for (int i : missing) {
				String category = String.valueOf(this.usageCategories.get(i));
				byCategory.computeIfAbsent(category, c -> median(f, j -> c.equals(String.valueOf(this.usageCategories.get(j)))));
			}
		}
		for (int i : missing) {
			double value = byCategory.getOrDefault(String.valueOf(this.usageCategories.get(i)), Double.NaN);
			if (Double.isNaN(value)) {
				value = overall;
			}
			// no customer has a value at all: a neutral 0, which standardises to a constant column
			this.raw.get(i)[f] = Double.isNaN(value) ? 0 : value;
		}
		return missing.size();
	}

	private double median(int f, java.util.function.IntPredicate include) {
		double[] values = new double[size()];
		int n = 0;
		for (int i = 0; i < size(); i++) {
			double v = this.raw.get(i)[f];
			if (!Double.isNaN(v) && include.test(i)) {
				values[n++] = v;
			}
		}
		if (n == 0) {
			return Double.NaN;
		}
		Arrays.sort(values, 0, n);
		return (n % 2 == 1) ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
	}

}
