package com.powerkg.ingest;

/**
 * Remembers the natural keys of one file and the line each was first seen on, to reject duplicates: a
 * {@link KeyIndex} from key to line, so 24 million bill ids of a million-customer import fit in a few hundred MB.
 */
final class SeenKeys {

	private final KeyIndex firstLines = new KeyIndex();

	/**
	 * Records the key.
	 * @param line the key's line, 1 or more
	 * @return 0 when the key is new, otherwise the line on which it was first seen
	 */
	int firstSeenOrRecord(String key, long line) {
		int first = this.firstLines.putIfAbsent(key, (int) Math.min(line, Integer.MAX_VALUE));
		return first < 0 ? 0 : first;
	}

}
