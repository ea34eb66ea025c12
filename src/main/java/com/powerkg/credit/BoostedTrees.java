package com.powerkg.credit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * The boosted-trees challenger: smile-core's {@link GradientTreeBoost} (binomial deviance) on the WoE columns. Pure
 * Java: unlike smile's FLD/LDA it needs no native BLAS. It is kept in the graph as smile's own Java serialisation (a
 * model object, not a figure), so a what-if asks the very trees that rated.
 */
public final class BoostedTrees {

	/**
	 * @param trees     trees in the ensemble
	 * @param maxNodes  leaves per tree at most
	 * @param nodeSize  rows per leaf at least
	 * @param shrinkage learning rate
	 * @param subsample share of the rows each tree sees
	 * @param sampleRows training rows at most (a larger training set is sampled, defaulters and others alike)
	 */
	public record Settings(int trees, int maxNodes, int nodeSize, double shrinkage, double subsample, int sampleRows) {

		public static final Settings DEFAULTS = new Settings(150, 8, 25, 0.05, 0.7, 50_000);

	}

	private final GradientTreeBoost model;

	private final StructType schema;

	private BoostedTrees(GradientTreeBoost model, StructType schema) {
		this.model = model;
		this.schema = schema;
	}

	/** Fits on rows of WoE columns; deterministic for a seed. */
	static BoostedTrees fit(double[][] x, int[] y, Settings settings, long seed) {
		int m = x[0].length;
		DataFrame frame = DataFrame.of(x).add(new IntVector("defaulted", y));
		MathEx.setSeed(seed);
		// maxDepth is left to maxNodes (a tree of 8 leaves has at most depth 7)
		var options = new GradientTreeBoost.Options(settings.trees(), 20, settings.maxNodes(), settings.nodeSize(), settings.shrinkage(),
				settings.subsample(), null, null);
		GradientTreeBoost model = GradientTreeBoost.fit(Formula.lhs("defaulted"), frame, options);
		return new BoostedTrees(model, DataFrame.of(new double[1][m]).schema());
	}

	/** ln(p / (1 − p)) of the trees' probability of default for one row of WoE columns. */
	double logit(double[] columns) {
		double[] posteriori = new double[2];
		this.model.predict(Tuple.of(this.schema, columns), posteriori);
		double p = Math.min(1 - 1e-9, Math.max(1e-9, posteriori[1]));
		return Math.log(p / (1 - p));
	}

	int size() {
		return this.model.size();
	}

	byte[] serialize() {
		var bytes = new ByteArrayOutputStream();
		try (var out = new ObjectOutputStream(bytes)) {
			out.writeObject(this.model);
			out.writeObject(this.schema);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot serialise the boosted trees", ex);
		}
		return bytes.toByteArray();
	}

	static BoostedTrees deserialize(byte[] bytes) {
		try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			return new BoostedTrees((GradientTreeBoost) in.readObject(), (StructType) in.readObject());
		}
		catch (IOException | ClassNotFoundException | ClassCastException ex) {
			throw new IllegalStateException("the stored boosted trees cannot be read by this version (" + ex.getMessage()
					+ "): run analyze again", ex);
		}
	}

}
