package com.powerkg.credit;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;
import smile.model.cart.RegressionNode;
import smile.regression.RegressionTree;

/**
 * The boosted-trees challenger: smile-core's {@link GradientTreeBoost} (binomial deviance) fitted on the WoE columns.
 * Pure Java: unlike smile's FLD/LDA it needs no native BLAS. Once fitted, its trees are copied into flat arrays (node
 * by node: column, split value, the two children, a leaf's output), which score a row in well under a microsecond
 * where smile's own prediction takes several (a million customers, each with a score and up to one re-score per
 * column for its reasons), and which the run stores as typed lists. The score is the sum of the trees' outputs, smile's
 * log-odds up to a constant factor and offset, which the PD calibration absorbs; the copy is checked against smile's
 * own probabilities on the training rows.
 */
public final class BoostedTrees {

	/**
	 * @param trees      trees in the ensemble
	 * @param maxNodes   leaves per tree at most
	 * @param nodeSize   rows per leaf at least
	 * @param shrinkage  learning rate
	 * @param subsample  share of the rows each tree sees
	 * @param sampleRows training rows at most (a larger training set is sampled, defaulters and others alike)
	 */
	public record Settings(int trees, int maxNodes, int nodeSize, double shrinkage, double subsample, int sampleRows) {

		public static final Settings DEFAULTS = new Settings(150, 8, 25, 0.05, 0.7, 50_000);

	}

	/** First node of each tree. */
	private final int[] roots;

	/** Per node: the column it splits on, or -1 for a leaf. */
	private final int[] column;

	/** Per node: a row goes to {@code low} when its value is at most this, else to {@code high}; a leaf's output. */
	private final double[] value;

	private final int[] low;

	private final int[] high;

	BoostedTrees(int[] roots, int[] column, double[] value, int[] low, int[] high) {
		this.roots = roots;
		this.column = column;
		this.value = value;
		this.low = low;
		this.high = high;
	}

	/** Fits on rows of WoE columns; deterministic for a seed. */
	static BoostedTrees fit(double[][] x, int[] y, Settings settings, long seed) {
		int m = x[0].length;
		DataFrame frame = DataFrame.of(x).add(new IntVector("defaulted", y));
		MathEx.setSeed(seed);
		// the depth is bounded by maxNodes (a tree of 8 leaves is at most 7 deep)
		var options = new GradientTreeBoost.Options(settings.trees(), 20, settings.maxNodes(), settings.nodeSize(), settings.shrinkage(),
				settings.subsample(), null, null);
		GradientTreeBoost model = GradientTreeBoost.fit(Formula.lhs("defaulted"), frame, options);
		BoostedTrees trees = copy(model);
		trees.check(model, DataFrame.of(new double[1][m]).schema(), x, settings.shrinkage());
		return trees;
	}

	/** The sum of the trees' outputs for one row of WoE columns: higher is riskier. */
	double score(double[] columns) {
		double s = 0;
		for (int root : this.roots) {
			int node = root;
			while (this.column[node] >= 0) {
				node = columns[this.column[node]] <= this.value[node] ? this.low[node] : this.high[node];
			}
			s += this.value[node];
		}
		return s;
	}

	int size() {
		return this.roots.length;
	}

	/** The arrays as typed lists, to be stored with the run. */
	Map<String, Object> toProperties() {
		return Map.of("treeRoots", ints(this.roots), "treeColumns", ints(this.column), "treeValues", doubles(this.value),
				"treeLow", ints(this.low), "treeHigh", ints(this.high));
	}

	static BoostedTrees of(List<Long> roots, List<Long> column, List<Double> value, List<Long> low, List<Long> high) {
		return new BoostedTrees(toInts(roots), toInts(column), value.stream().mapToDouble(Double::doubleValue).toArray(), toInts(low),
				toInts(high));
	}

	private static BoostedTrees copy(GradientTreeBoost model) {
		List<Integer> roots = new ArrayList<>();
		List<Integer> column = new ArrayList<>();
		List<Double> value = new ArrayList<>();
		List<Integer> low = new ArrayList<>();
		List<Integer> high = new ArrayList<>();
		for (RegressionTree tree : model.trees()[0]) {
			roots.add(copy(tree.root(), column, value, low, high));
		}
		return new BoostedTrees(roots.stream().mapToInt(Integer::intValue).toArray(), column.stream().mapToInt(Integer::intValue).toArray(),
				value.stream().mapToDouble(Double::doubleValue).toArray(), low.stream().mapToInt(Integer::intValue).toArray(),
				high.stream().mapToInt(Integer::intValue).toArray());
	}

	private static int copy(Node node, List<Integer> column, List<Double> value, List<Integer> low, List<Integer> high) {
		int at = column.size();
		column.add(-1);
		value.add(0.0);
		low.add(-1);
		high.add(-1);
		if (node instanceof RegressionNode leaf) {
			value.set(at, leaf.output());
			return at;
		}
		if (!(node instanceof OrdinalNode split)) {
			throw new IllegalStateException("smile's boosted trees hold a " + node.getClass().getSimpleName() + ": only numeric splits expected");
		}
		column.set(at, split.feature());
		value.set(at, splitValue(split));
		low.set(at, copy(split.trueChild(), column, value, low, high));
		high.set(at, copy(split.falseChild(), column, value, low, high));
		return at;
	}

	/** smile keeps a split's value to itself (package-private); its rule is "value at most this: true child". */
	private static double splitValue(OrdinalNode node) {
		try {
			Field field = OrdinalNode.class.getDeclaredField("value");
			field.setAccessible(true);
			return field.getDouble(node);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException("cannot read the split values of smile's trees (" + ex + "): this smile version is not supported", ex);
		}
	}

	/**
	 * smile's probability is 1 / (1 + e^(−2y)) with y = b + shrinkage · Σ tree outputs: for every row, ln(p / (1 − p)) / 2
	 * − shrinkage · score must be the same constant b. A copy that disagrees is refused.
	 */
	private void check(GradientTreeBoost model, StructType schema, double[][] x, double shrinkage) {
		double[] posteriori = new double[2];
		double offset = Double.NaN;
		for (int i = 0; i < Math.min(x.length, 500); i++) {
			model.predict(Tuple.of(schema, x[i]), posteriori);
			double p = posteriori[1];
			if (p <= 1e-12 || p >= 1 - 1e-12) {
				continue;
			}
			double b = Math.log(p / (1 - p)) / 2 - shrinkage * score(x[i]);
			if (Double.isNaN(offset)) {
				offset = b;
			}
			else if (Math.abs(b - offset) > 1e-6) {
				throw new IllegalStateException("the copied trees disagree with smile's prediction on training row " + i);
			}
		}
	}

	private static List<Long> ints(int[] values) {
		return Arrays.stream(values).mapToLong(v -> v).boxed().toList();
	}

	private static List<Double> doubles(double[] values) {
		return Arrays.stream(values).boxed().toList();
	}

	private static int[] toInts(List<Long> values) {
		return values.stream().mapToInt(Long::intValue).toArray();
	}

}
