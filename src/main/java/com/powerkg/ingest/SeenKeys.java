package com.powerkg.ingest;

/**
 * Remembers the natural keys of one file and the line each was first seen on, to reject duplicates. Keys are
 * kept as 64-bit hashes in an open-addressing table (about 12 bytes a key instead of ~80 for a String in a
 * HashMap), so 24 million bill ids of a million-customer import fit in a few hundred MB. Two different keys
 * colliding on all 64 bits is improbable enough (~1e-5 for 24 million keys) that we accept it.
 */
final class SeenKeys {

	private static final long EMPTY = 0L;

	private long[] hashes = new long[1 << 12];

	private int[] lines = new int[1 << 12];

	private int size;

	/**
	 * Records the key.
	 * @return 0 when the key is new, otherwise the line on which it was first seen
	 */
	int firstSeenOrRecord(String key, long line) {
		if (this.size * 2 >= this.hashes.length) {
			grow();
		}
		long hash = hash(key);
		int mask = this.hashes.length - 1;
		int slot = (int) (hash ^ (hash >>> 32)) & mask;
		while (this.hashes[slot] != EMPTY) {
			if (this.hashes[slot] == hash) {
				return this.lines[slot];
			}
			slot = (slot + 1) & mask;
		}
		this.hashes[slot] = hash;
		this.lines[slot] = (int) Math.min(line, Integer.MAX_VALUE);
		this.size++;
		return 0;
	}

	private void grow() {
		long[] oldHashes = this.hashes;
		int[] oldLines = this.lines;
		this.hashes = new long[oldHashes.length * 2];
		this.lines = new int[oldHashes.length * 2];
		int mask = this.hashes.length - 1;
		for (int i = 0; i < oldHashes.length; i++) {
			long hash = oldHashes[i];
			if (hash != EMPTY) {
				int slot = (int) (hash ^ (hash >>> 32)) & mask;
				while (this.hashes[slot] != EMPTY) {
					slot = (slot + 1) & mask;
				}
				this.hashes[slot] = hash;
				this.lines[slot] = oldLines[i];
			}
		}
	}

	/**
	 * 64-bit FNV-1a over the characters (no byte array per key: millions of keys per file), finished with a murmur3
	 * mix; never 0 (0 marks an empty slot). Only compared within one import, never stored.
	 */
	static long hash(String key) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < key.length(); i++) {
			h ^= key.charAt(i);
			h *= 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return (h == EMPTY) ? 1 : h;
	}

}
