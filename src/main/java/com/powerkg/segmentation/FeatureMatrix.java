package com.powerkg.segmentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the run's pass gathered for the value segmentation: every analysed customer's raw features and usage facts
 * ({@link ValueFeatures#compute}), its usage category and region. Missing values stay NaN here; each dimension
 * imputes, winsorises, transforms and standardises the customers it clusters ({@link FeaturePreparation}).
 */
public final class FeatureMatrix {

	private final List<String> ids = new ArrayList<>();

	private final List<String> usageCategories = new ArrayList<>();

	private final List<String> regions = new ArrayList<>();

	private final List<double[]> raw = new ArrayList<>();

	private boolean prepared;

	public void add(String customerId, String usageCategory, String region, double[] values) {
		if (this.prepared) {
			throw new IllegalStateException("already prepared");
		}
		if (values.length != ValueFeatures.WIDTH) {
			throw new IllegalArgumentException("expected " + ValueFeatures.WIDTH + " values (16 features and the usage facts), got "
					+ values.length);
		}
		this.ids.add(customerId);
		this.usageCategories.add(usageCategory);
		this.regions.add(region);
		this.raw.add(values.clone());
	}

	public int size() {
		return this.ids.size();
	}

	public String id(int i) {
		return this.ids.get(i);
	}

	public String usageCategory(int i) {
		return this.usageCategories.get(i);
	}

	/** A feature's raw value in original units; NaN when the data cannot give it. */
	public double raw(int i, Feature feature) {
		return this.raw.get(i)[feature.ordinal()];
	}

	/** The customer's whole row as {@link ValueFeatures#compute} gave it (region share filled in); not a copy. */
	double[] row(int i) {
		return this.raw.get(i);
	}

	public double fact(int i, ValueFeatures.UsageFact fact) {
		return this.raw.get(i)[ValueFeatures.column(fact)];
	}

	/** Fills in the region revenue shares, which need every customer. Called once, after the last add. */
	public FeatureMatrix prepare() {
		if (!this.prepared) {
			fillRegionShares();
			this.prepared = true;
		}
		return this;
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

}
