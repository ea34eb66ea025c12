package com.powerkg.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.util.HtmlUtils;

/**
 * What a signed-in user without {@code ANALYST} or {@code ADMIN} gets at {@code /browser} and the files Browser loads:
 * status 403 and, for a web browser, a small page (no file from elsewhere) saying why Neo4j Browser is for those roles,
 * how to get one, and that GraphiQL answers with the user's own roles; any other client gets the same in a few lines
 * of text. Other refusals are not handled here (GraphQL answers {@code FORBIDDEN} inside its response).
 */
final class BrowserAccessDenied implements AccessDeniedHandler {

	static final String TEXT = """
			Neo4j Browser is for the roles ANALYST and ADMIN: it hands its user the whole database, unmasked. \
			Ask an administrator to add the role to your user in powerkg.security.users (README, Security), \
			or use GraphiQL at /graphiql, which answers with your own roles.
			""";

	private final String page;

	BrowserAccessDenied() {
		try (InputStream in = BrowserAccessDenied.class.getResourceAsStream("browser-forbidden.html")) {
			this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (wantsHtml(request)) {
			response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
			response.getWriter().write(page(SecurityContextHolder.getContext().getAuthentication(), request.getContextPath()));
		}
		else {
			response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8");
			response.getWriter().write(TEXT);
		}
	}

	String page(Authentication user, String contextPath) {
		String name = (user != null) ? user.getName() : "";
		List<String> roles = (user != null) ? user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).sorted().toList() : List.of();
		return this.page.replace("{{user}}", HtmlUtils.htmlEscape(name))
			.replace("{{roles}}", HtmlUtils.htmlEscape(roles.isEmpty() ? "none" : String.join(", ", roles)))
			.replace("{{graphiql}}", HtmlUtils.htmlEscape(contextPath + "/graphiql/"));
	}

	/** A web browser asking for a page: text/html accepted explicitly (not only through *&#47;*). */
	static boolean wantsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream()
				.anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype() && type.getQualityValue() > 0
						&& (type.isCompatibleWith(MediaType.TEXT_HTML) || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
