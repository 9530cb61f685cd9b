package dev.argogke.plan;

import static dev.argogke.plan.CostEstimate.cents;
import static dev.argogke.plan.CostEstimate.money;
import static dev.argogke.plan.CostEstimate.shown;
import static dev.argogke.plan.CostEstimate.string;
import static dev.argogke.plan.CostEstimate.unknown;
import static dev.argogke.plan.ResourceTypes.ROUTER;
import static dev.argogke.plan.ResourceTypes.ROUTER_NAT;

import dev.argogke.plan.CostEstimate.Line;
import java.util.List;
import java.util.Map;

/** Cloud NAT's lines of a cost estimate: each gateway's VM-hours, and the external addresses it uses. */
final class NatCosts {
    private final PlanFile plan;
    private final PriceBook prices;
    private final double hours;
    private final List<Line> lines;

    NatCosts(PlanFile plan, PriceBook prices, List<Line> lines) {
        this.plan = plan;
        this.prices = prices;
        this.hours = prices.hoursPerMonth();
        this.lines = lines;
    }

    /** @param nodesByRegion the nodes at minimum in each region, which the gateways serve */
    void add(Map<String, Integer> nodesByRegion) {
        for (PlanFile.Resource n : plan.resourcesOfType(ROUTER_NAT)) {
            String region = string(n.input("region"));
            if (region == null) {
                for (PlanFile.Resource router : plan.resourcesOfType(ROUTER)) {
                    if (router.name().equals(n.input("router")) || String.valueOf(router.input("name")).equals(n.input("router"))) {
                        region = string(router.input("region"));
                    }
                }
            }
            if (region == null && nodesByRegion.size() == 1) {
                region = nodesByRegion.keySet().iterator().next();
            }
            String key = "nat:" + n.urn();
            String item = "Cloud NAT " + shown(n);
            if (region == null) {
                lines.add(unknown(key, item, "region known after deploy or not set"));
                continue;
            }
            int vms = nodesByRegion.getOrDefault(region, 0);
            double perHour = vms <= 32 ? vms * prices.natPerVmHourUpTo32() : prices.natPerHourAbove32();
            lines.add(new Line(key, item, vms + " VM" + (vms == 1 ? "" : "s") + " at minimum in " + region
                    + " (data processed $" + money(prices.natDataPerGb()) + "/GB, not included)", cents(perHour * hours),
                    prices.taken("nat")));
            natAddresses(n, key, vms);
        }
    }

    /**
     * The external IP addresses a Public NAT gateway uses, each billed by the hour (Cloud NAT pricing:
     * "$0.005" an hour for "a static or an ephemeral external IP address used by a NAT gateway").
     * With {@code MANUAL_ONLY} they are the listed {@code natIps}; with {@code AUTO_ONLY} Google
     * allocates as many as the VMs' ports need: each address has 64,512 ports and each VM gets 64 by
     * default (Cloud NAT docs, "Ports and addresses"), so one address serves up to 1,008 VMs.
     */
    private void natAddresses(PlanFile.Resource n, String key, int vms) {
        String item = "Cloud NAT IP addresses of " + shown(n);
        int addresses;
        String how;
        if ("MANUAL_ONLY".equals(n.input("natIpAllocateOption"))) {
            if (!(n.input("natIps") instanceof List<?> ips)) {
                lines.add(unknown(key + ":ips", item, "natIps known after deploy or not set"));
                return;
            }
            addresses = ips.size();
            how = "reserved for the gateway (natIps)";
        } else {
            addresses = Math.max(1, (vms * 64 + 64_511) / 64_512);
            how = "allocated by Google (AUTO_ONLY): one serves up to 1,008 VMs at 64 ports each";
        }
        lines.add(new Line(key + ":ips", item, addresses + " external IP address" + (addresses == 1 ? "" : "es") + ", " + how
                + ", $" + money(prices.natExternalIpPerHour()) + " an hour each",
                cents(addresses * prices.natExternalIpPerHour() * hours), prices.taken("nat")));
    }

}
