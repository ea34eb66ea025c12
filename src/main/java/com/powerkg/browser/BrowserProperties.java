package com.powerkg.browser;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled      serve Neo4j Browser at {@code /browser/}
 * @param boltUrl      the Bolt URL Browser is pre-filled with; empty means the embedded database's Bolt URL
 *                     (or {@code spring.neo4j.uri} for an external database)
 * @param styleAndGuide when Browser connects to the embedded database, apply the service's style
 *                     ({@code /browser-extras/style.grass}) and open its guide ({@code /browser-extras/guide.html})
 * @param serviceUrl   the address analysts open the service at (scheme, host, port, e.g.
 *                     {@code https://kg.example.com}); Browser fetches the style and guide from there. Empty =
 *                     {@code http://<server.address>:<port>}
 */
@ConfigurationProperties("powerkg.browser")
public record BrowserProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String boltUrl,
		@DefaultValue("true") boolean styleAndGuide, @DefaultValue("") String serviceUrl) {
}
