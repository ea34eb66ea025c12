package com.powerkg.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection page. Explicit records rather than Spring Data's {@code Window} so that the schema
 * inspection can check every field of the connection types against Java.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

	public record Edge<T>(T node, String cursor) {
	}

	public record PageInfo(boolean hasPreviousPage, boolean hasNextPage, String startCursor, String endCursor) {
	}

	/** A page holds {@code first} edges, this many when none is asked for. */
	public static final int DEFAULT_PAGE_SIZE = 20;

	/** The largest page anybody may ask for. */
	public static final int MAX_PAGE_SIZE = 500;

	/**
	 * The page size a request asked for, checked: {@link #DEFAULT_PAGE_SIZE} when none, refused beyond
	 * {@link #MAX_PAGE_SIZE}.
	 * @param hint how to get more than one page of this field
	 */
	public static int pageSize(Integer first, String hint) {
		int size = (first != null) ? first : DEFAULT_PAGE_SIZE;
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first must be between 1 and " + MAX_PAGE_SIZE + " (was " + size + "); " + hint);
		}
		return size;
	}

	/**
	 * Builds a page from rows fetched with one extra row (which only tells that there is a next page).
	 */
	public static <T> Connection<T> of(List<T> rowsPlusOne, int size, boolean hasPrevious, Function<T, String> key) {
		boolean hasNext = rowsPlusOne.size() > size;
		List<T> rows = hasNext ? rowsPlusOne.subList(0, size) : rowsPlusOne;
		List<Edge<T>> edges = new ArrayList<>(rows.size());
		for (T row : rows) {
			edges.add(new Edge<>(row, Cursor.encode(key.apply(row))));
		}
		return new Connection<>(List.copyOf(edges), new PageInfo(hasPrevious, hasNext,
				edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()));
	}

	/** Opaque cursors: base64url of {@code k:<sort key>}. */
	public static final class Cursor {

		private static final String PREFIX = "k:";

		private Cursor() {
		}

		public static String encode(String key) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
		}

		/** @return the sort key, or null for a null cursor */
		public static String decode(String cursor) {
			if (cursor == null) {
				return null;
			}
			String decoded;
			try {
				decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				decoded = "";
			}
			if (!decoded.startsWith(PREFIX)) {
				throw new InvalidArgumentException("after '" + cursor + "' is not a cursor of this API (pass an edge's cursor)");
			}
			return decoded.substring(PREFIX.length());
		}

	}

}
