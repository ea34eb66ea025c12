package com.powerkg.tagging;

import java.util.List;

/** The tag taxonomy as GraphQL shows it. */
public final class TagTaxonomy {

	private TagTaxonomy() {
	}

	public record Category(String code, String nameZh, String nameEn, List<Tag> tags) {
	}

	public record Tag(String code, String nameZh, String nameEn, String description, List<String> broader,
			List<Parameter> parameters) {
	}

	public record Parameter(String name, String value, String unit, String description) {
	}

	public record TagCount(String code, long customers) {
	}

}
