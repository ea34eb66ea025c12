package com.powerkg.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.powerkg.graph.EmbeddedNeo4j;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * Opens Browser pre-filled with the database's Bolt URL: {@code ?dbms=} sets the address and, for the embedded
 * database (auth off, loopback only), {@code preselectAuthMethod=NO_AUTH} makes it connect without a form.
 */
@RestController
@ConditionalOnProperty(name = "powerkg.browser.enabled", matchIfMissing = true)
class BrowserEntryPoint {

	private final String boltUrl;

	private final boolean noAuth;

	private final BrowserExtras extras;

	BrowserEntryPoint(BrowserProperties properties, ObjectProvider<EmbeddedNeo4j> embedded, Environment environment,
			BrowserExtras extras) {
		EmbeddedNeo4j neo4j = embedded.getIfAvailable();
		String bolt = properties.boltUrl();
		if (bolt.isBlank()) {
			bolt = (neo4j != null) ? neo4j.boltUri() : environment.getProperty("spring.neo4j.uri", "bolt://127.0.0.1:7687");
		}
		this.boltUrl = bolt;
		this.noAuth = neo4j != null;
		this.extras = extras;
	}

	/**
	 * Browser's assets are relative to its page, so it must be opened at {@code /browser/}; without a {@code dbms}
	 * parameter we redirect to the pre-filled address, on the service's own address when the user came in by another
	 * name (e.g. localhost for 127.0.0.1): Browser fetches the style and guide from there ({@link BrowserExtras}),
	 * with the sign-in the browser sends only to the origin it was given to.
	 */
	@GetMapping({ "/browser", "/browser/" })
	ModelAndView open(@RequestParam(name = "dbms", required = false) String dbms, HttpServletRequest request) {
		if (dbms == null) {
			String target = "/browser/?dbms=" + URLEncoder.encode(this.boltUrl, StandardCharsets.UTF_8)
					+ (this.noAuth ? "&preselectAuthMethod=NO_AUTH" : "");
			BrowserExtras.ServiceAddress service = this.extras.address();
			if (service != null && service.known() && !sameOrigin(request, service.base())) {
				return new ModelAndView("redirect:" + service.base() + target);
			}
			return new ModelAndView("redirect:" + target);
		}
		return new ModelAndView("forward:/browser/index.html");
	}

	private static boolean sameOrigin(HttpServletRequest request, URI base) {
		int port = (base.getPort() != -1) ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
		return request.getScheme().equalsIgnoreCase(base.getScheme())
				&& unbracketed(request.getServerName()).equalsIgnoreCase(unbracketed(base.getHost()))
				&& request.getServerPort() == port;
	}

	/** An IPv6 host without its brackets. */
	private static String unbracketed(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/**
	 * Neo4j's discovery document: Browser fetches the host root with {@code Accept: application/json} to learn
	 * the Bolt address when it is opened without a {@code dbms} parameter.
	 */
	@GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> discovery() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("bolt_direct", this.boltUrl);
		body.put("neo4j_edition", "community");
		return body;
	}

}
