package com.powerkg.browser;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.powerkg.graph.EmbeddedNeo4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What Neo4j Browser does when it connects: apply the service's style ({@value #STYLE}: captions by customer id, tag
 * code and Chinese name, segment dimension and level, ...), open the service's guide ({@value #GUIDE}: why every
 * query filters by the published run, with ready queries that do) and switch off "Connect result nodes", which would
 * draw superseded runs' relationships between the nodes a query returns. Browser reads these commands from the
 * database's {@code browser.post_connect_cmd} ({@code config ...; style <url>; play <url>}) and fetches the files only
 * from hosts in {@code browser.remote_content_hostname_whitelist}.
 * <p>
 * Both URLs must be absolute: Browser's {@code :play} takes a remote guide only when its argument starts with
 * {@code http}, and {@code :style} only when the argument parses as a URL on its own, so a path like
 * {@code /browser-extras/style.grass} is taken for grass text and refused. They must also be on the origin Browser's
 * page came from: the files need the same sign-in as Browser, which the browser sends only to that origin. So the
 * service names its own address ({@code powerkg.browser.service-url}, or {@code server.address} and the port the web
 * server got) and {@link BrowserEntryPoint} sends a user who came in by another name (localhost for 127.0.0.1) there.
 * <p>
 * The embedded database gets the settings when the web server has started (its port is known only then, and the
 * database starts before it); for an external database the service logs the two lines to put into its
 * {@code neo4j.conf}.
 */
@Component
@ConditionalOnProperty(name = "powerkg.browser.enabled", matchIfMissing = true)
public class BrowserExtras implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(BrowserExtras.class);

	/** The Browser style, served from {@code classpath:/browser-extras/}. */
	public static final String STYLE = "/browser-extras/style.grass";

	/** The guide Browser opens with. */
	public static final String GUIDE = "/browser-extras/guide.html";

	/** Browser's {@code :config} command (without its colon) that switches "Connect result nodes" off. */
	static final String CONNECT_RESULT_NODES_OFF = "config \"autoComplete\": false";

	/** Neo4j's default of {@code browser.remote_content_hostname_whitelist}, which the service's host is added to. */
	static final String NEO4J_DEFAULT_HOSTS = "guides.neo4j.com,localhost";

	private final BrowserProperties properties;

	private final ObjectProvider<EmbeddedNeo4j> embedded;

	private final Environment environment;

	private volatile ServiceAddress address;

	BrowserExtras(BrowserProperties properties, ObjectProvider<EmbeddedNeo4j> embedded, Environment environment) {
		this.properties = properties;
		this.embedded = embedded;
		this.environment = environment;
	}

	/**
	 * Where analysts reach the service.
	 *
	 * @param base  scheme, host, port and context path, without a trailing slash
	 * @param known whether the service knows it for sure ({@code powerkg.browser.service-url}, or a specific
	 *              {@code server.address}); on all addresses it guesses {@code localhost}
	 */
	record ServiceAddress(URI base, boolean known) {

		String styleUrl() {
			return this.base + STYLE;
		}

		String guideUrl() {
			return this.base + GUIDE;
		}

		/**
		 * {@code browser.post_connect_cmd}: commands separated by {@code ;}, each without its colon. Browser's setting
		 * "Connect result nodes" ({@code autoComplete}) is switched off first: it would draw every relationship between
		 * the nodes a query returns, so a superseded run's HAS_TAG beside the published one.
		 */
		String postConnectCommands() {
			return CONNECT_RESULT_NODES_OFF + "; style " + styleUrl() + "; play " + guideUrl();
		}

		/** {@code browser.remote_content_hostname_whitelist}: Neo4j's default and the service's host. */
		String remoteContentHosts() {
			List<String> hosts = new ArrayList<>(List.of(NEO4J_DEFAULT_HOSTS.split(",")));
			String host = this.base.getHost().toLowerCase(Locale.ROOT);
			if (!hosts.contains(host)) {
				hosts.add(host);
			}
			return String.join(",", hosts);
		}

	}

	static ServiceAddress resolve(String configured, String serverAddress, boolean ssl, String contextPath, int port) {
		if (configured != null && !configured.isBlank()) {
			String base = configured.strip().replaceAll("/+$", "");
			URI uri = URI.create(base);
			if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
				throw new IllegalStateException("powerkg.browser.service-url must be an http(s) URL with a host, e.g. "
						+ "https://kg.example.com, not '" + configured + "'");
			}
			return new ServiceAddress(uri, true);
		}
		String host = "localhost";
		boolean known = false;
		if (serverAddress != null && !serverAddress.isBlank() && !anyAddress(serverAddress)) {
			host = serverAddress.contains(":") ? "[" + serverAddress + "]" : serverAddress;
			known = true;
		}
		String path = (contextPath == null) ? "" : contextPath.replaceAll("/+$", "");
		return new ServiceAddress(URI.create((ssl ? "https" : "http") + "://" + host + ":" + port + path), known);
	}

	private static boolean anyAddress(String address) {
		try {
			return InetAddress.getByName(address).isAnyLocalAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return; // a management server on its own port
		}
		boolean ssl = this.environment.getProperty("server.ssl.enabled", Boolean.class, false)
				|| !this.environment.getProperty("server.ssl.bundle", "").isBlank();
		ServiceAddress address = resolve(this.properties.serviceUrl(), this.environment.getProperty("server.address", ""), ssl,
				this.environment.getProperty("server.servlet.context-path", ""), event.getWebServer().getPort());
		this.address = address;
		if (!this.properties.styleAndGuide()) {
			return;
		}
		if (!address.known()) {
			log.warn("The service listens on all addresses and powerkg.browser.service-url is not set: Neo4j Browser will "
					+ "fetch its style and guide from {}, which works only for a browser on this machine; set "
					+ "powerkg.browser.service-url to the address analysts open", address.base());
		}
		EmbeddedNeo4j neo4j = this.embedded.getIfAvailable();
		if (neo4j != null) {
			neo4j.setBrowserClientConfig(address.postConnectCommands(), address.remoteContentHosts());
			log.info("Neo4j Browser applies {} and opens {} when it connects", address.styleUrl(), address.guideUrl());
		}
		else {
			log.info("For Neo4j Browser's style and guide, set in the external database's neo4j.conf:\n"
					+ "  browser.post_connect_cmd={}\n  browser.remote_content_hostname_whitelist={}",
					address.postConnectCommands(), address.remoteContentHosts());
		}
	}

	/** The service's address once the web server has started, or null before. */
	ServiceAddress address() {
		return this.address;
	}

}
