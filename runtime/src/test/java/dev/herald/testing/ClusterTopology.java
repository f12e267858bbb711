package dev.herald.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One node's view of a Redis Cluster, parsed from its {@code CLUSTER NODES} answer: each line is
 * {@code <id> <ip:port@cport[,hostname]> <flags> <master-id|-> <ping-sent> <pong-recv>
 * <config-epoch> <link-state> <slot>...}, where a slot entry is a number, a range {@code a-b}, or a
 * bracketed migration note such as {@code [42->-<id>]} (skipped here).
 *
 * @param nodes the nodes this view knows, in the order Redis listed them
 */
record ClusterTopology(List<Node> nodes) {

  /** Number of hash slots in a Redis Cluster. */
  static final int SLOTS = 16_384;

  /**
   * One line of {@code CLUSTER NODES}.
   *
   * @param id the node id
   * @param host the announced IP
   * @param port the client port
   * @param flags such as {@code myself}, {@code master}, {@code slave}, {@code fail?}, {@code fail}
   * @param masterId the id of the master this replica follows, or {@code null} for a master
   * @param slotRanges the slots it serves, as {@code [from, to]} pairs (inclusive)
   */
  record Node(
      String id, String host, int port, Set<String> flags, String masterId,
      List<int[]> slotRanges) {

    boolean isMaster() {
      return flags.contains("master");
    }

    boolean isReplica() {
      return flags.contains("slave");
    }

    /** Whether this node is suspected or known to be failing, or not fully joined yet. */
    boolean isUnhealthy() {
      return flags.contains("fail") || flags.contains("fail?") || flags.contains("handshake")
          || flags.contains("noaddr");
    }

    boolean owns(int slot) {
      for (int[] range : slotRanges) {
        if (range[0] <= slot && slot <= range[1]) {
          return true;
        }
      }
      return false;
    }

    int slotCount() {
      int count = 0;
      for (int[] range : slotRanges) {
        count += range[1] - range[0] + 1;
      }
      return count;
    }
  }

  /** Parses the text of {@code CLUSTER NODES}. */
  static ClusterTopology parse(String clusterNodes) {
    List<Node> nodes = new ArrayList<>();
    for (String line : clusterNodes.split("\n")) {
      String[] f = line.trim().split(" ");
      if (f.length < 8) {
        continue;
      }
      String address = f[1].split("[@,]")[0];
      int colon = address.lastIndexOf(':');
      List<int[]> ranges = new ArrayList<>();
      for (int i = 8; i < f.length; i++) {
        if (f[i].startsWith("[")) {
          continue;
        }
        int dash = f[i].indexOf('-');
        int from = Integer.parseInt(dash < 0 ? f[i] : f[i].substring(0, dash));
        int to = dash < 0 ? from : Integer.parseInt(f[i].substring(dash + 1));
        ranges.add(new int[] {from, to});
      }
      nodes.add(new Node(
          f[0], address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
          Set.of(f[2].split(",")), f[3].equals("-") ? null : f[3],
          Collections.unmodifiableList(ranges)));
    }
    return new ClusterTopology(List.copyOf(nodes));
  }

  Optional<Node> byPort(int port) {
    return nodes.stream().filter(n -> n.port() == port).findFirst();
  }

  Optional<Node> byId(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  Optional<Node> owner(int slot) {
    return nodes.stream().filter(n -> n.isMaster() && n.owns(slot)).findFirst();
  }

  /**
   * Describes what nodes must agree on: who owns which slots, and the role of each node on the
   * given ports (the running ones; a killed node's entry may lag behind in some views).
   */
  String agreement(Set<Integer> runningPorts) {
    StringJoiner out = new StringJoiner(" ");
    nodes.stream()
        .sorted((a, b) -> Integer.compare(a.port(), b.port()))
        .forEach(n -> {
          if (runningPorts.contains(n.port())) {
            String role = n.isMaster() ? "master"
                : "replica-of-" + byId(n.masterId()).map(Node::port).orElse(-1);
            out.add(n.port() + ":" + role);
          }
          for (int[] range : n.slotRanges()) {
            out.add(n.port() + "[" + range[0] + "-" + range[1] + "]");
          }
        });
    return out.toString();
  }
}
