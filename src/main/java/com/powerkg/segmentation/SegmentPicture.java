package com.powerkg.segmentation;

import java.util.List;
import java.util.Locale;

/**
 * A small SVG per dimension: the histogram of the run's defining feature (after capping and transform, axis labelled in
 * original units) with each bar split by level, the winsorising limits as dashed lines, and beside it every level with
 * its customers and share, the excluded customers with their reasons, and the run's warnings. Levels that are
 * contiguous ranges of the defining feature show as colour bands that do not overlap. Pure: figures in, text out.
 */
public final class SegmentPicture {

	private static final String[] COLOURS = {"#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027", "#4575b4"};

	private static final String EXCLUDED_COLOUR = "#bdbdbd";

	private static final int WIDTH = 760;

	private static final int PLOT_LEFT = 50;

	private static final int PLOT_WIDTH = 440;

	private static final int PLOT_TOP = 40;

	private static final int PLOT_HEIGHT = 200;

	private SegmentPicture() {
	}

	public static String svg(DimensionSegmenter.Result result) {
		List<DimensionSegmenter.Level> levels = result.levels();
		var histogram = result.histogram();
		int bins = histogram.bins();
		int[] totals = new int[bins];
		for (var level : levels) {
			for (int b = 0; b < bins; b++) {
				totals[b] += level.histogram()[b];
			}
		}
		int highest = 1;
		for (int total : totals) {
			highest = Math.max(highest, total);
		}
		int warningLines = result.warnings().size();
		int height = PLOT_TOP + PLOT_HEIGHT + 50 + 14 * warningLines;
		StringBuilder svg = new StringBuilder(8192);
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
				WIDTH, height, WIDTH, height));
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		text(svg, PLOT_LEFT, 18, 13, String.format(Locale.ROOT, "%s (%s): %,d customers, %,d clustered, k=%d%s, levels by %s",
				result.dimension(), result.dimension().nameZh(), result.customers(), result.clustered(), result.k(),
				result.automatic() ? " (auto)" : "", result.definingFeature().code()));
		double width = PLOT_WIDTH / (double) bins;
		for (int b = 0; b < bins; b++) {
			double y = PLOT_TOP + PLOT_HEIGHT;
			for (int l = 0; l < levels.size(); l++) {
				int count = levels.get(l).histogram()[b];
				if (count == 0) {
					continue;
				}
				double h = PLOT_HEIGHT * count / (double) highest;
				y -= h;
				svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d</title></rect>%n",
						PLOT_LEFT + b * width, y, Math.max(0.5, width - 0.5), h, COLOURS[l % COLOURS.length], levels.get(l).level(), count));
			}
		}
		svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", PLOT_LEFT,
				PLOT_TOP + PLOT_HEIGHT, PLOT_LEFT + PLOT_WIDTH, PLOT_TOP + PLOT_HEIGHT));
		var distribution = result.distributions().stream().filter(d -> d.feature() == result.definingFeature()).findFirst().orElse(null);
		for (int tick = 0; tick <= 4; tick++) {
			double t = histogram.from() + (histogram.to() - histogram.from()) * tick / 4;
			double x = PLOT_LEFT + PLOT_WIDTH * tick / 4.0;
			svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n", x,
					PLOT_TOP + PLOT_HEIGHT, x, PLOT_TOP + PLOT_HEIGHT + 4));
			text(svg, x - 20, PLOT_TOP + PLOT_HEIGHT + 16, 10, label(result.definingFeature(), distribution, t));
		}
		if (distribution != null && histogram.to() > histogram.from()) {
			for (double cap : new double[] {distribution.lowerCap(), distribution.upperCap()}) {
				if (Double.isNaN(cap) || distribution.feature().transform() == Feature.Transform.QUANTILE) {
					continue;
				}
				double t = distribution.feature().transform().apply(cap);
				double x = PLOT_LEFT + PLOT_WIDTH * (t - histogram.from()) / (histogram.to() - histogram.from());
				svg.append(String.format(Locale.ROOT,
						"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\" stroke-dasharray=\"4 3\"><title>winsorising limit</title></line>%n",
						x, PLOT_TOP, x, PLOT_TOP + PLOT_HEIGHT));
			}
			text(svg, PLOT_LEFT, PLOT_TOP + PLOT_HEIGHT + 30, 10, String.format(Locale.ROOT,
					"%s, capped at its %s and %s percentiles (dashed): %d below, %d above", result.definingFeature().code(),
					number(distribution.feature().lowerPercentile()), number(distribution.feature().upperPercentile()), distribution.cappedBelow(),
					distribution.cappedAbove()));
		}
		int y = PLOT_TOP + 6;
		for (int l = 0; l < levels.size(); l++) {
			var level = levels.get(l);
			String colour = level.clustered() ? COLOURS[l % COLOURS.length] : EXCLUDED_COLOUR;
			svg.append(String.format(Locale.ROOT, "<rect x=\"510\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>%n", y - 9, colour));
			String range = (level.customers() == 0 || Double.isNaN(level.definingFrom())) ? ""
					: " " + value(result.definingFeature(), level.definingFrom()) + " .. " + value(result.definingFeature(), level.definingTo());
			text(svg, 525, y, 11, String.format(Locale.ROOT, "%s %,d (%.1f %%)%s", level.level(), level.customers(), 100 * level.share(),
					level.clustered() ? range : ""));
			y += 14;
			for (var reason : level.reasons().entrySet()) {
				text(svg, 535, y, 10, String.format(Locale.ROOT, "%s %,d", reason.getKey(), reason.getValue()));
				y += 13;
			}
		}
		int line = PLOT_TOP + PLOT_HEIGHT + 46;
		for (var warning : result.warnings()) {
			text(svg, PLOT_LEFT, line, 10, "warning " + warning.kind() + ": " + warning.message());
			line += 14;
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	/** A transformed value as an axis label in original units: growth as a change in per cent. */
	private static String label(Feature feature, FeaturePreparation.Distribution distribution, double transformed) {
		if (distribution == null) {
			return "";
		}
		if (feature.transform() == Feature.Transform.QUANTILE) {
			return String.format(Locale.ROOT, "q %.2f", transformed);
		}
		return value(feature, distribution.toOriginal(transformed));
	}

	private static String value(Feature feature, double original) {
		return feature.format(original);
	}

	private static String number(double value) {
		return Feature.ANNUAL_REVENUE.format(value);
	}

	private static StringBuilder text(StringBuilder svg, double x, double y, int size, String text) {
		return svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\">%s</text>%n", x, y, size, escape(text)));
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
