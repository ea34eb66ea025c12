package com.powerkg.portrait;

import java.util.List;
import java.util.Map;

import com.powerkg.graph.CypherResource;
import org.neo4j.driver.Driver;

import org.springframework.stereotype.Repository;

/** Writes the channel mixes a run computed ({@link ChannelMix}), under the run's id. */
@Repository
public class ChannelMixes {

	private static final String WRITE = CypherResource.load(ChannelMixes.class, "write-channel-mix.cypher");

	private final Driver driver;

	public ChannelMixes(Driver driver) {
		this.driver = driver;
	}

	public void write(String runId, List<ChannelMix> mixes) {
		List<Map<String, Object>> rows = mixes.stream().filter(m -> !m.channels().isEmpty()).map(ChannelMix::row).toList();
		if (!rows.isEmpty()) {
			this.driver.executableQuery(WRITE).withParameters(Map.of("rows", rows, "run", runId)).execute();
		}
	}

}
