package dev.argogke.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.argogke.UserError;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Refreshes the machine and disk prices of a price file from the Cloud Billing Catalog API.
 *
 * <p>The API: {@code GET https://cloudbilling.googleapis.com/v1/services/{service}/skus} with
 * {@code currencyCode}, {@code pageSize} and {@code pageToken}, answering a {@code ListSkusResponse}
 * {@code {"skus": [Sku...], "nextPageToken": "..."}} (empty token on the last page). Each {@code Sku}
 * has {@code description}, {@code category} ({@code resourceFamily}, {@code resourceGroup},
 * {@code usageType}), {@code serviceRegions} and {@code pricingInfo[].pricingExpression} with
 * {@code usageUnit} and {@code tieredRates[].unitPrice} ({@code units} + {@code nanos} / 10^9 USD).
 * Reference: cloud.google.com/billing/docs/reference/rest/v1/services.skus/list and
 * cloud.google.com/billing/docs/how-to/get-pricing-information-api. Authentication: an API key
 * ({@code key=}) or an OAuth token ({@code Authorization: Bearer}, e.g. from
 * {@code gcloud auth print-access-token}).
 *
 * <p>Which SKUs are which (description prefix, resource group, usage type) follows the mapping
 * Cyclenerd/google-cloud-pricing-cost-calculator uses to build its pricing.yml (build/mapping.csv):
 * "E2 Instance" CPU/RAM OnDemand, "Spot Preemptible E2 Instance" CPU/RAM Preemptible, "N2D AMD
 * Instance", "Storage PD Capacity", "Balanced PD Capacity", "SSD backed PD Capacity", ...
 */
public final class BillingCatalog {
    /** Compute Engine's service id in the catalog. */
    public static final String COMPUTE_ENGINE = "6F81-5844-456A";
    static final String ENDPOINT = "https://cloudbilling.googleapis.com/v1/services/";
    private static final Map<String, String> FAMILIES = Map.of("e2", "E2 Instance", "n2", "N2 Instance",
            "n2d", "N2D AMD Instance", "c3", "C3 Instance", "t2d", "T2D AMD Instance");
    private static final Map<String, String> DISKS = Map.of("pd-standard", "Storage PD Capacity",
            "pd-balanced", "Balanced PD Capacity", "pd-ssd", "SSD backed PD Capacity");
    private static final String SPOT = "Spot Preemptible ";

    /** One page of {@code services/{service}/skus}, as the API answers it (JSON text). */
    @FunctionalInterface
    public interface Pages {
        String page(String service, String pageToken) throws IOException;
    }

    /** How the requests are authorised: an API key, or an OAuth access token. */
    public record Credentials(String apiKey, String accessToken) {
    }

    /** The refreshed price file and what was and was not refreshed, one line each. */
    public record Refreshed(JsonNode prices, List<String> report) {
    }

    private BillingCatalog() {
    }

    /** The request for one page: the documented URL and query parameters, with the key or the token. */
    static HttpRequest request(String service, String pageToken, Credentials credentials) {
        StringBuilder url = new StringBuilder(ENDPOINT).append(service).append("/skus?currencyCode=USD&pageSize=5000");
        if (pageToken != null && !pageToken.isEmpty()) {
            url.append("&pageToken=").append(URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
        }
        if (credentials.apiKey() != null) {
            url.append("&key=").append(URLEncoder.encode(credentials.apiKey(), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(60)).GET();
        if (credentials.apiKey() == null) {
            b.header("Authorization", "Bearer " + credentials.accessToken());
        }
        return b.build();
    }

    /** Pages read over HTTPS from the real API. */
    public static Pages http(Credentials credentials) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return (service, token) -> {
            try {
                HttpResponse<String> r = client.send(request(service, token, credentials), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new UserError("Cloud Billing Catalog API answered HTTP " + r.statusCode() + " for services/" + service
                            + "/skus: " + r.body().strip() + "\nCheck the API key or the gcloud login, and that the Cloud"
                            + " Billing API (cloudbilling.googleapis.com) is enabled in the key's project.");
                }
                return r.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        };
    }

    /**
     * The price file {@code prices} with every machine family's per-region rates and every disk
     * price replaced by the catalog's, dated {@code today}. A family or disk type is refreshed only
     * when the catalog gives every price it needs in every region the file lists; otherwise it keeps
     * its old figures and date, and the report says what was missing.
     */
    public static Refreshed refresh(PriceBook prices, Pages pages, LocalDate today) throws IOException {
        Map<String, Double> found = collect(pages);
        ObjectNode root = prices.tree();
        List<String> report = new ArrayList<>();
        ObjectNode families = (ObjectNode) root.path("compute").path("families");
        for (Iterator<String> it = families.fieldNames(); it.hasNext(); ) {
            String family = it.next();
            refreshFamily(family, (ObjectNode) families.get(family), found, today, report);
        }
        refreshDisks((ObjectNode) root.path("disks"), found, today, report);
        ((ObjectNode) root.get("sources")).putObject("catalog-api").put("name", "Cloud Billing Catalog API, services/"
                + COMPUTE_ENGINE + "/skus (Compute Engine)").put("url", ENDPOINT + COMPUTE_ENGINE + "/skus");
        return new Refreshed(root, report);
    }

    /** Every SKU price of interest, by key: "e2|CPU|OnDemand|europe-west1", "e2|RAM|Preemptible|us-central1", "pd-balanced|europe-west1". */
    static Map<String, Double> collect(Pages pages) throws IOException {
        Map<String, Double> found = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        String token = "";
        do {
            JsonNode page = json.readTree(pages.page(COMPUTE_ENGINE, token));
            for (JsonNode sku : page.path("skus")) {
                Match m = match(sku);
                Double price = m == null ? null : price(sku, m.unit());
                if (price != null) {
                    for (JsonNode region : sku.path("serviceRegions")) {
                        found.put(m.key() + "|" + region.asText(), price);
                    }
                }
            }
            token = page.path("nextPageToken").asText("");
        } while (!token.isEmpty());
        return found;
    }

    /** A SKU this file prices: its key (without the region) and the unit its price must be in. */
    private record Match(String key, String unit) {
    }

    /** What a SKU prices, or null when it is none of the file's (custom machines, commitments, regional disks...). */
    private static Match match(JsonNode sku) {
        String description = sku.path("description").asText();
        JsonNode category = sku.path("category");
        String group = category.path("resourceGroup").asText();
        String usage = category.path("usageType").asText();
        if (category.path("resourceFamily").asText().equals("Compute") && (group.equals("CPU") || group.equals("RAM"))) {
            for (Map.Entry<String, String> f : FAMILIES.entrySet()) {
                boolean spot = description.startsWith(SPOT + f.getValue() + " ");
                boolean onDemand = description.startsWith(f.getValue() + " ");
                if (spot && usage.equals("Preemptible") || onDemand && usage.equals("OnDemand")) {
                    return new Match(f.getKey() + "|" + group + "|" + usage, group.equals("CPU") ? "h" : "GiBy.h");
                }
            }
        } else if (category.path("resourceFamily").asText().equals("Storage") && usage.equals("OnDemand")) {
            for (Map.Entry<String, String> d : DISKS.entrySet()) {
                if (description.startsWith(d.getValue() + " ")) {
                    return new Match(d.getKey(), "GiBy.mo");
                }
            }
        }
        return null;
    }

    /** The USD price of one {@code unit} (the last tier, as pricing.yml takes it), or null when the SKU bills another unit. */
    private static Double price(JsonNode sku, String unit) {
        JsonNode expression = sku.path("pricingInfo").path(0).path("pricingExpression");
        JsonNode tiers = expression.path("tieredRates");
        if (!expression.path("usageUnit").asText().equals(unit) || tiers.isEmpty()) {
            return null;
        }
        JsonNode price = tiers.get(tiers.size() - 1).path("unitPrice");
        if (!price.path("currencyCode").asText("USD").equals("USD")) {
            return null;
        }
        return price.path("units").asDouble() + price.path("nanos").asLong() / 1e9;
    }

    private static void refreshFamily(String family, ObjectNode node, Map<String, Double> found, LocalDate today,
                                      List<String> report) {
        List<String> missing = new ArrayList<>();
        Map<String, double[]> rates = new HashMap<>();
        for (Iterator<String> it = node.path("regions").fieldNames(); it.hasNext(); ) {
            String region = it.next();
            String[] keys = {"CPU|OnDemand", "RAM|OnDemand", "CPU|Preemptible", "RAM|Preemptible"};
            double[] r = new double[4];
            for (int i = 0; i < 4; i++) {
                Double p = found.get(family + "|" + keys[i] + "|" + region);
                if (p == null) {
                    missing.add(region + " " + keys[i].replace("|Preemptible", " spot").replace("|OnDemand", ""));
                } else {
                    r[i] = p;
                }
            }
            rates.put(region, r);
        }
        if (!missing.isEmpty()) {
            report.add(family + ": not refreshed, kept the prices of " + node.path("taken").asText() + " (the catalog gave no "
                    + String.join(", ", missing) + ")");
            return;
        }
        rates.forEach((region, r) -> ((ObjectNode) node.path("regions").path(region)).put("vcpuHour", r[0]).put("gbHour", r[1])
                .put("spotVcpuHour", r[2]).put("spotGbHour", r[3]));
        dated(node, today, "the " + FAMILIES.get(family) + " Core and Ram SKUs, on-demand and Spot Preemptible, per region");
        report.add(family + ": refreshed in " + rates.size() + " region(s)");
    }

    private static void refreshDisks(ObjectNode disks, Map<String, Double> found, LocalDate today, List<String> report) {
        List<String> missing = new ArrayList<>();
        ObjectNode perGb = (ObjectNode) disks.path("perGbMonth");
        for (Iterator<String> types = perGb.fieldNames(); types.hasNext(); ) {
            String type = types.next();
            for (Iterator<String> regions = perGb.path(type).fieldNames(); regions.hasNext(); ) {
                String region = regions.next();
                if (!found.containsKey(type + "|" + region)) {
                    missing.add(type + " " + region);
                }
            }
        }
        if (!missing.isEmpty()) {
            report.add("disks: not refreshed, kept the prices of " + disks.path("taken").asText() + " (the catalog gave no "
                    + String.join(", ", missing) + ")");
            return;
        }
        List<String> types = new ArrayList<>();
        perGb.fieldNames().forEachRemaining(types::add);
        for (String type : types) {
            List<String> regions = new ArrayList<>();
            perGb.path(type).fieldNames().forEachRemaining(regions::add);
            regions.forEach(region -> ((ObjectNode) perGb.path(type)).put(region, found.get(type + "|" + region)));
        }
        dated(disks, today, "the Storage PD, Balanced PD and SSD backed PD Capacity SKUs per region");
        report.add("disks: refreshed");
    }

    private static void dated(ObjectNode node, LocalDate today, String what) {
        node.put("source", "catalog-api");
        node.put("taken", today.toString());
        node.put("checked", "Refreshed on " + today + " by 'argo-gke cost --refresh-prices' from the Cloud Billing Catalog API: "
                + what + ".");
    }
}
