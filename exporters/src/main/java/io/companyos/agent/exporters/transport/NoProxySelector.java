package io.companyos.agent.exporters.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** One HTTP proxy for every host except those matching a {@code noProxy} entry, which are reached directly. */
final class NoProxySelector extends ProxySelector {
  private final Proxy proxy;
  private final List<String> noProxy;

  NoProxySelector(URI proxyUrl, List<String> noProxy) {
    this.proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxyUrl.getHost(), proxyUrl.getPort()));
    this.noProxy = List.copyOf(noProxy);
  }

  @Override
  public List<Proxy> select(URI uri) {
    return bypasses(uri.getHost()) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
  }

  boolean bypasses(String host) {
    if (host == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    for (String entry : noProxy) {
      if (entry.equals("*") || h.equals(entry)) {
        return true;
      }
      String domain = entry.startsWith(".") ? entry : "." + entry;
      if (h.endsWith(domain)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // one proxy, nothing to fall back to: the request fails and the caller's backoff takes over
  }
}
