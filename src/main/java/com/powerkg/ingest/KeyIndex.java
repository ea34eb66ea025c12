package com.powerkg.ingest;

/**
 * A map from natural keys to small numbers (a bill's customer, say) kept as 64-bit key hashes in open addressing, as
 * {@link SeenKeys} keeps keys: about 12 bytes an entry, so the 24 million bills of a million customers fit in a few
 * hundred MB while a bulk load checks that every payment names a bill of its own customer.
 */
final class KeyIndex {

	private static final long EMPTY = 0L;

	private long[] hashes = new long[1 << 12];

	private int[] values = new int[1 << 12];

	private int size;

	void put(String key, int value) {
		if (this.size * 2 >= this.hashes.length) {
			grow();
		}
		long hash = SeenKeys.hash(key);
		int mask = this.hashes.length - 1;
		int slot = (int) (hash ^ (hash >>> 32)) & mask;
		while (this.hashes[slot] != EMPTY && this.hashes[slot] != hash) {
			slot = (slot + 1) & mask;
		}
		if (this.hashes[slot] == EMPTY) {
			this.size++;
		}
		this.hashes[slot] = hash;
		this.values[slot] = value;
	}

	/** The value of the key, or -1 when it was never put. */
	int get(String key) {
		long hash = SeenKeys.hash(key);
		int mask = this.hashes.length - 1;
		int slot = (int) (hash ^ (hash >>> 32)) & mask;
		while (this.hashes[slot] != EMPTY) {
			if (this.hashes[slot] == hash) {
				return this.values[slot];
			}
			slot = (slot + 1) & mask;
		}
		return -1;
	}

	int size() {
		return this.size;
	}

	private void grow() {
		long[] oldHashes = this.hashes;
		int[] oldValues = this.values;
		this.hashes = new long[oldHashes.length * 2];
		this.values = new int[oldHashes.length * 2];
		int mask = this.hashes.length - 1;
		for (int i = 0; i < oldHashes.length; i++) {
			long hash = oldHashes[i];
			if (hash != EMPTY) {
				int slot = (int) (hash ^ (hash >>> 32)) & mask;
				while (this.hashes[slot] != EMPTY) {
					slot = (slot + 1) & mask;
				}
				this.hashes[slot] = hash;
				this.values[slot] = oldValues[i];
			}
		}
	}

}
