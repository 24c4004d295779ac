package io.jenkins.plugins.circleci.tls;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * What an administrator needs to see of a pasted certificate to know it is the right one: whose it is, who issued
 * it, until when it is valid, and what is wrong with it as a trust anchor.
 *
 * @param subject   the subject's distinguished name (RFC 2253)
 * @param issuer    the issuer's distinguished name (RFC 2253)
 * @param notAfter  the last instant the certificate is valid
 * @param expired   whether {@code notAfter} had passed at the time of the summary
 * @param notYetValid whether its validity had not begun at the time of the summary
 * @param ca        whether it is a CA certificate (basic constraints say so), able to sign the server's certificate
 * @param selfSigned whether subject and issuer are the same (a root CA, or a server's own self-signed certificate)
 */
public record CertificateSummary(String subject, String issuer, Instant notAfter, boolean expired,
        boolean notYetValid, boolean ca, boolean selfSigned) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public CertificateSummary {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    static CertificateSummary of(X509Certificate certificate, Instant now) {
        X500Principal subject = certificate.getSubjectX500Principal();
        X500Principal issuer = certificate.getIssuerX500Principal();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        return new CertificateSummary(subject.getName(X500Principal.RFC2253), issuer.getName(X500Principal.RFC2253),
                notAfter, now.isAfter(notAfter), now.isBefore(notBefore), certificate.getBasicConstraints() >= 0,
                subject.equals(issuer));
    }

    /** Whether something about it deserves a warning (it will not, or may not, make the server trusted). */
    public boolean hasProblems() {
        return !problems().isEmpty();
    }

    /** What is wrong with it as the CA of a CircleCI server, each a sentence; empty when nothing is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (expired) {
            problems.add("It expired on " + DAY.format(notAfter) + ": a certificate chain through it fails; paste "
                    + "the CA's renewed certificate.");
        }
        if (notYetValid) {
            problems.add("It is not valid yet: check this machine's clock, or paste the CA certificate in use now.");
        }
        if (!ca) {
            problems.add(selfSigned
                    ? "It is not a CA certificate: it makes only a server presenting exactly this self-signed "
                            + "certificate trusted."
                    : "It is not a CA certificate (perhaps the server's own certificate): paste the certificate of "
                            + "the CA that issued it, " + issuer + ".");
        }
        return List.copyOf(problems);
    }

    /** One line for a form or a log: subject, issuer, expiry, and what is wrong with it. */
    public String describe() {
        StringBuilder text = new StringBuilder(subject);
        text.append(selfSigned ? " (self-signed)" : ", issued by " + issuer);
        text.append(", valid until ").append(DAY.format(notAfter));
        text.append(ca ? ", CA" : ", not a CA");
        for (String problem : problems()) {
            text.append(". ").append(problem, 0, problem.length() - 1);
        }
        return text.append('.').toString();
    }
}
