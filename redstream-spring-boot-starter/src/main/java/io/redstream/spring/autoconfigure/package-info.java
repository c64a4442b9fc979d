/**
 * Spring Boot auto-configuration of RedStream; applications do not reference these classes, they only add the
 * starter and set {@code redstream.*} properties.
 *
 * <ul>
 *   <li>{@link io.redstream.spring.autoconfigure.RedStreamAutoConfiguration}: the {@code RedStream} client and the
 *       consumers of {@code @RedStreamListener} methods;</li>
 *   <li>{@link io.redstream.spring.autoconfigure.RedStreamAuthAutoConfiguration}: the {@code Authenticator} and
 *       {@code Policy} beans from {@code redstream.auth.*};</li>
 *   <li>{@link io.redstream.spring.autoconfigure.RedStreamHealthAutoConfiguration}: the {@code redstream} health
 *       component.</li>
 * </ul>
 *
 * <p>Every bean backs off when the application defines its own of the same type.
 */
package io.redstream.spring.autoconfigure;
