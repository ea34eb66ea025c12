package com.powerkg.analytics;

import com.powerkg.credit.CreditProperties;
import com.powerkg.credit.CreditStage;
import com.powerkg.run.AnalyticsRuns;
import com.powerkg.segmentation.SegmentationProperties;
import com.powerkg.segmentation.SegmentationStage;
import com.powerkg.tagging.TaggingStage;
import org.neo4j.driver.Driver;

/** The analytics of a test's own database, built as the service builds them, with the default settings. */
public final class TestAnalytics {

	private TestAnalytics() {
	}

	public static AnalyticsService service(Driver driver) {
		return service(driver, CreditProperties.DEFAULTS);
	}

	/** With these credit settings, the others the defaults. */
	public static AnalyticsService service(Driver driver, CreditProperties credit) {
		return new AnalyticsService(new AnalyticsRuns(driver, AnalyticsProperties.DEFAULTS.runs()), new TaggingStage(driver),
				new SegmentationStage(driver, SegmentationProperties.DEFAULTS), new CreditStage(driver, credit));
	}

}
