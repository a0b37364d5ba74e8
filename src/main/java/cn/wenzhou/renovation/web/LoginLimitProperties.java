package cn.wenzhou.renovation.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on staff logins (HTTP Basic on {@code /api/v1/admin} and replays).
 *
 * @param maxFailuresPerUser    wrong passwords for one user name within {@code window}, after which every
 *                              attempt for that name is a 429 until the window ends (a user already signed in
 *                              with the right password within {@code successCacheTtl} keeps working)
 * @param maxFailuresPerAddress wrong passwords from one client address within {@code window} (higher: an
 *                              office may share one address)
 * @param window                how long failures count, from the first one
 * @param passwordCheckThreads  threads that run BCrypt checks, the only place they run: a flood of wrong
 *                              passwords costs at most this many cores, never the decision requests' threads
 * @param passwordCheckQueue    checks that may wait for a thread (0: none); beyond that a login is a 429 at once
 * @param successCacheTtl       how long a proven user name and password are accepted again without BCrypt
 *                              (kept as an HMAC under a key made at start-up, never the password); 0 turns it off
 */
@ConfigurationProperties("renovation.security.logins")
record LoginLimitProperties(
        @DefaultValue("5") int maxFailuresPerUser,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window,
        @DefaultValue("1") int passwordCheckThreads,
        @DefaultValue("8") int passwordCheckQueue,
        @DefaultValue("2m") Duration successCacheTtl) {}
