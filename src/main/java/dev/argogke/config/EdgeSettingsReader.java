package dev.argogke.config;

import static dev.argogke.config.SettingsLoader.key;

import dev.argogke.config.Settings.Dns;
import dev.argogke.config.Settings.DnsMode;
import dev.argogke.config.Settings.Edge;
import dev.argogke.config.Settings.OAuthClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code argo-gke:edge} and {@code argo-gke:oauthClientSecret}: the UI's host, its DNS, who may open it through
 * IAP, and the OAuth client IAP signs users in with.
 */
final class EdgeSettingsReader {
    static final Pattern HOST = SettingsSchema.HOST;
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private EdgeSettingsReader() {
    }

    /** The public endpoint, or none when the stack turns it off with {@code enabled: false}. */
    static Optional<Edge> edgeIfEnabled(ConfigValue v, ConfigSource source, List<String> problems) {
        if (v.present() && !v.flag(SettingsSchema.EDGE_ENABLED)) {
            v.object("edge");
            for (String key : SettingsSchema.keysIn("edge")) {
                if (!key.equals(SettingsSchema.EDGE_ENABLED.name()) && v.field(key).present()) {
                    v.field(key).problem("not used with edge.enabled: false (there is no public endpoint); remove it, or remove enabled: false");
                }
            }
            if (source.get(SettingsSchema.OAUTH_CLIENT_SECRET.key()).isPresent()) {
                problems.add(SettingsSchema.OAUTH_CLIENT_SECRET.key() + ": not used with edge.enabled: false; remove it");
            }
            return Optional.empty();
        }
        return Optional.ofNullable(edge(v, source, problems));
    }

    static Edge edge(ConfigValue v, ConfigSource source, List<String> problems) {
        if (!v.present()) {
            v.problem("required: host, dns and iapMembers (the Argo UI is only ever reachable through IAP)");
            return null;
        }
        if (!v.object("edge")) {
            return null;
        }
        ConfigValue hostValue = v.field(SettingsSchema.HOST_SETTING);
        String host = hostValue.requiredString("the UI's host name, e.g. argo.example.com");
        host = hostValue.checked(SettingsSchema.HOST_SETTING, host == null ? null : stripDot(host));

        Dns dns = dns(v.field(SettingsSchema.DNS), host, hostValue);

        ConfigValue membersValue = v.field(SettingsSchema.IAP_MEMBERS);
        List<String> members = new ArrayList<>();
        if (!membersValue.present()) {
            membersValue.problem("required: who may open the UI, e.g. [user:ana@example.com, group:data-team@example.com]; an empty list would lock everyone out, there is no open setting");
        } else {
            List<ConfigValue> items = membersValue.list();
            if (membersValue.isEmptyList()) {
                membersValue.problem("is empty; list at least one member (user:, group: or domain:), the UI is never open to all");
            }
            for (ConfigValue m : items) {
                String member = m.requiredString("user:<email>, group:<email> or domain:<domain>");
                if (member != null && validMember(m, member)) {
                    if (members.contains(member)) {
                        m.problem("'" + member + "' is listed twice");
                    } else {
                        members.add(member);
                    }
                }
            }
        }

        Optional<String> clientId = v.optionalText(SettingsSchema.OAUTH_CLIENT_ID);
        boolean clientIdGiven = v.field(SettingsSchema.OAUTH_CLIENT_ID).present();
        String secretKey = SettingsSchema.OAUTH_CLIENT_SECRET.key();
        Optional<String> secret = source.get(secretKey);
        Optional<OAuthClient> client = Optional.empty();
        if (secret.isPresent() && !source.isSecret(secretKey)) {
            problems.add(secretKey + ": is stored in plain text; store it encrypted with `pulumi config set --secret oauthClientSecret <value>`");
        } else if (clientId.isPresent() && secret.isEmpty()) {
            problems.add(secretKey + ": required with edge.oauthClientId; set it with `pulumi config set --secret oauthClientSecret <value>`");
        } else if (!clientIdGiven && secret.isPresent()) {
            problems.add(secretKey + ": set, but edge.oauthClientId is not; set both, or neither to use Google's managed OAuth client");
        } else if (clientId.isPresent()) {
            client = Optional.of(new OAuthClient(clientId.get(), new Secret(secretKey, secret.get())));
        }
        if (host == null || dns == null || members.isEmpty()) {
            return null;
        }
        return new Edge(host, dns, members, client);
    }

    static Dns dns(ConfigValue v, String host, ConfigValue hostValue) {
        if (!v.present()) {
            v.problem("required: {mode: existing-zone, zone: <managed zone name>, dnsName: <its domain>}, or {mode: create-zone, ...}, or {mode: external}");
            return null;
        }
        if (!v.object("edge.dns")) {
            return null;
        }
        ConfigValue modeValue = v.field(SettingsSchema.DNS_MODE);
        String modeText = modeValue.requiredString("existing-zone, create-zone or external");
        DnsMode mode = modeText == null ? null : modeValue.oneOf(modeText, DnsMode.class, DnsMode::value);
        if (mode == null) {
            return null;
        }
        ConfigValue zoneValue = v.field(SettingsSchema.DNS_ZONE);
        ConfigValue nameValue = v.field(SettingsSchema.DNS_NAME);
        if (mode == DnsMode.EXTERNAL) {
            for (ConfigValue unused : List.of(zoneValue, v.field(SettingsSchema.DNS_PROJECT))) {
                if (unused.present()) {
                    unused.problem("not used with mode external; remove it, or use mode existing-zone");
                }
            }
            return new Dns(mode, Optional.empty(), Optional.empty());
        }
        Optional<String> project = v.optionalText(SettingsSchema.DNS_PROJECT);
        String zone = v.requiredText(SettingsSchema.DNS_ZONE, "the Cloud DNS managed zone's name, e.g. example-com");
        String dnsName = nameValue.requiredString("the zone's domain, e.g. example.com");
        dnsName = nameValue.checked(SettingsSchema.DNS_NAME, dnsName == null ? null : stripDot(dnsName));
        if (host != null && dnsName != null && !host.equals(dnsName) && !host.endsWith("." + dnsName)) {
            hostValue.problem("'" + host + "' is outside the managed zone's domain " + dnsName + " (argo-gke:edge.dns.dnsName); use a host ending in ." + dnsName);
        }
        if (zone == null || dnsName == null) {
            return null;
        }
        return new Dns(mode, Optional.of(zone), Optional.of(dnsName), project);
    }

    static boolean validMember(ConfigValue m, String member) {
        int colon = member.indexOf(':');
        String kind = colon < 0 ? "" : member.substring(0, colon);
        String rest = colon < 0 ? member : member.substring(colon + 1);
        switch (kind) {
            case "user", "group" -> {
                if (EMAIL.matcher(rest).matches()) {
                    return true;
                }
                m.problem("'" + ConfigValue.abbreviate(member) + "' needs an email address after " + kind + ":, e.g. " + kind + ":ana@example.com");
            }
            case "domain" -> {
                if (HOST.matcher(rest).matches()) {
                    return true;
                }
                m.problem("'" + ConfigValue.abbreviate(member) + "' needs a domain after domain:, e.g. domain:example.com");
            }
            default -> {
                String hint = EMAIL.matcher(member).matches() ? " (write user:" + member + ")" : "";
                m.problem("'" + ConfigValue.abbreviate(member) + "' is not a member; use user:<email>, group:<email> or domain:<domain>" + hint
                        + (member.equals("allUsers") || member.equals("allAuthenticatedUsers") ? "; the UI is never opened to everyone" : ""));
            }
        }
        return false;
    }

    static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
