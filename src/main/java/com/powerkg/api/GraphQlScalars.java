package com.powerkg.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** ISO-8601 {@code Date} and {@code DateTime} scalars of the schema. */
@Configuration(proxyBeanMethods = false)
class GraphQlScalars {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring
			.scalar(iso("Date", LocalDate.class, LocalDate::parse, DateTimeFormatter.ISO_LOCAL_DATE, "2026-06-30"))
			// seconds always printed (LocalDateTime.toString drops ":00"), as in the import files
			.scalar(iso("DateTime", LocalDateTime.class, LocalDateTime::parse, DATE_TIME, "2026-06-30T14:05:00"));
	}

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private static <T extends TemporalAccessor> GraphQLScalarType iso(String name, Class<T> type,
			Function<String, T> parser, DateTimeFormatter format, String example) {
		return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<T, String>() {

			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				if (type.isInstance(value)) {
					return format.format(type.cast(value));
				}
				throw new CoercingSerializeException(name + " cannot serialize " + value);
			}

			@Override
			public T parseValue(Object input, GraphQLContext context, Locale locale) {
				return parse(String.valueOf(input), CoercingParseValueException::new);
			}

			@Override
			public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
				if (input instanceof StringValue s) {
					return parse(s.getValue(), CoercingParseLiteralException::new);
				}
				throw new CoercingParseLiteralException(name + " must be a string like " + example);
			}

			private <E extends RuntimeException> T parse(String text, Function<String, E> error) {
				try {
					return parser.apply(text);
				}
				catch (DateTimeParseException ex) {
					throw error.apply("'" + text + "' is not a " + name + " like " + example);
				}
			}
		}).build();
	}

}
