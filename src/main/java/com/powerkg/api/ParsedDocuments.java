package com.powerkg.api;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct query text once: apps send the same few documents (a portrait, a page) again and
 * again, with variables. Parsing and validating a portrait query is a good part of the CPU a portrait costs. Documents
 * that failed to parse or validate are not kept; at most {@link #MAX_DOCUMENTS} are, beyond that the cache starts over.
 */
final class ParsedDocuments implements PreparsedDocumentProvider {

	static final int MAX_DOCUMENTS = 1000;

	private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

	private final AtomicLong parsed = new AtomicLong();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry known = this.documents.get(input.getQuery());
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		this.parsed.incrementAndGet();
		if (!entry.hasErrors()) {
			if (this.documents.size() >= MAX_DOCUMENTS) {
				this.documents.clear();
			}
			this.documents.put(input.getQuery(), entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	/** Documents parsed and validated so far (for tests). */
	long parsed() {
		return this.parsed.get();
	}

}
