package com.powerkg.graph;

import java.nio.file.Path;

/**
 * Fills a new embedded store before the database opens it (the first start: the committed sample through the bulk
 * importer, seconds instead of minutes of transactions). Implemented where the data comes from (ingest); the store
 * wiring only knows that it may be asked.
 */
public interface EmptyStoreSeeder {

	/**
	 * Called once, before the embedded database starts, when its store does not exist yet.
	 * @param home the embedded database's folder
	 */
	void seed(Path home);

}
