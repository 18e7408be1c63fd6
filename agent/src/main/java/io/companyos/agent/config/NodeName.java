package io.companyos.agent.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Finds this node's name: the downward API's {@code NODE_NAME}, else {@code HOSTNAME}, else the resolver's host name. */
final class NodeName {
  private NodeName() {}

  static String detect() {
    for (String var : new String[] {"NODE_NAME", "HOSTNAME"}) {
      String v = System.getenv(var);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
