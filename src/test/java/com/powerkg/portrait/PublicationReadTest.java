package com.powerkg.portrait;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.powerkg.graph.CypherResource;
import com.powerkg.run.AnalyticsRuns;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A portrait reads the customer and the current publication in one statement of its own; the publication part must
 * stay the statement every other reader of the publication runs, or a portrait could show another run.
 */
class PublicationReadTest {

	@Test
	void thePortraitReadsThePublicationAsEveryOtherReaderDoes() {
		String portrait = statement(CypherResource.load(CustomerQueries.class, "customer-with-publication.cypher"));
		assertThat(portrait).contains(statement(AnalyticsRuns.PUBLISHED));
	}

	/** The statement without comments, blank lines and indentation. */
	private static String statement(String cypher) {
		return Arrays.stream(cypher.split("\n"))
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("//"))
			.collect(Collectors.joining("\n"));
	}

}
