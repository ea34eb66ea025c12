package com.powerkg.ingest;

/**
 * A map from natural keys to small non-negative numbers (a bill's customer, the line a key was first seen on), kept
 * as 64-bit key hashes in open addressing: about 12 bytes an entry instead of ~80 for a String in a HashMap, so the
 * 24 million bills of a million customers fit in a few hundred MB while a bulk load checks that every payment names a
 * bill of its own customer. Two different keys colliding on all 64 bits is improbable enough (~1e-5 for 24 million
 * keys) that we accept it.
 */
final class KeyIndex {

	private static final long EMPTY = 0L;

	private long[] hashes = new long[1 << 12];

	private int[] values = new int[1 << 12];

	private int size;

	void put(String key, int value) {
		int slot = slotFor(hash(key));
		this.values[slot] = value;
	}

	/**
	 * Puts the value unless the key has one.
	 * @return the value the key had, or -1 when it had none and has {@code value} now
	 */
	int putIfAbsent(String key, int value) {
		int before = this.size;
		int slot = slotFor(hash(key));
		if (this.size == before) {
			return this.values[slot];
		}
		this.values[slot] = value;
		return -1;
	}

	/** The value of the key, or -1 when it was never put. */
	int get(String key) {
		long hash = hash(key);
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

	/** The slot of the hash, taken (and counted) when the hash was not there. */
	private int slotFor(long hash) {
		if (this.size * 2 >= this.hashes.length) {
			grow();
		}
		int mask = this.hashes.length - 1;
		int slot = (int) (hash ^ (hash >>> 32)) & mask;
		while (this.hashes[slot] != EMPTY && this.hashes[slot] != hash) {
			slot = (slot + 1) & mask;
		}
		if (this.hashes[slot] == EMPTY) {
			this.hashes[slot] = hash;
			this.size++;
		}
		return slot;
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
