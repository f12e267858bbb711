package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Each tenant gets only its own events; tenant ids that would change the channel are refused. */
class MultiTenantTest extends ExampleTestSupport {

    @Override
    String name() {
        return "multi-tenant";
    }

    @Override
    void checkOutput(List<String> lines) {
        assertEquals(List.of("tenant acme processed invoice.paid inv-1", "tenant acme processed invoice.paid inv-2"),
                lines.stream().filter(line -> line.startsWith("tenant acme")).toList(), show(lines));
        assertEquals(List.of("tenant globex processed user.invited bob"),
                lines.stream().filter(line -> line.startsWith("tenant globex")).toList(), show(lines));
        assertEquals(1, count(lines, "refused tenant id \"globex:x\": [HeraldTemplateValue] tenantId \"globex:x\" holds the separator ':'"),
                show(lines));
        assertEquals(1, count(lines, "refused tenant id \"*\": [HeraldTemplateValue] tenantId \"*\" holds the glob character '*'"), show(lines));
        assertEquals(0, count(lines, "LEAK"), show(lines));
        assertEquals(5, lines.size(), show(lines));
    }
}
