package io.companyos.agent.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads rendered manifests into fabric8's typed Kubernetes model, strictly: a kind this deployment does not use, an
 * apiVersion other than the one expected for the kind, or any field the model does not know (a typo such as
 * {@code readOnlyRootFileSystem}, a field at the wrong level) is an error. fabric8's classes collect unknown fields
 * in an "additional properties" map; the deserializers here are built without it, so Jackson refuses them.
 */
final class StrictKubernetesYaml {
  /** The kinds a rendered overlay may contain, each with its one apiVersion. */
  static final Map<String, Kind> KINDS = Map.of(
      "Namespace", new Kind("v1", Namespace.class),
      "ServiceAccount", new Kind("v1", ServiceAccount.class),
      "ConfigMap", new Kind("v1", ConfigMap.class),
      "Secret", new Kind("v1", Secret.class),
      "Service", new Kind("v1", Service.class),
      "DaemonSet", new Kind("apps/v1", DaemonSet.class),
      "NetworkPolicy", new Kind("networking.k8s.io/v1", NetworkPolicy.class),
      "ServiceMonitor", new Kind("monitoring.coreos.com/v1", ServiceMonitor.class));

  record Kind(String apiVersion, Class<? extends HasMetadata> type) {}

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final ObjectMapper strict = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .registerModule(new SimpleModule("no-additional-properties").setDeserializerModifier(
          new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                BeanDeserializerBuilder builder) {
              if (bean.getBeanClass().getName().startsWith("io.fabric8.")) {
                builder.setAnySetter(null);
              }
              return builder;
            }
          }));

  /** Every document of a multi-document YAML stream, typed. */
  List<HasMetadata> parse(String multiDocumentYaml) throws IOException {
    List<HasMetadata> out = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(multiDocumentYaml)) {
      int index = 0;
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        index++;
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        String kind = doc.path("kind").asText();
        String apiVersion = doc.path("apiVersion").asText();
        Kind expected = KINDS.get(kind);
        if (expected == null) {
          throw new IllegalArgumentException("document " + index + ": unexpected kind '" + kind + "'");
        }
        if (!expected.apiVersion().equals(apiVersion)) {
          throw new IllegalArgumentException("document " + index + " (" + kind + "): apiVersion '" + apiVersion
              + "', expected '" + expected.apiVersion() + "'");
        }
        try {
          out.add(strict.treeToValue(doc, expected.type()));
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("document " + index + " (" + kind + " "
              + doc.path("metadata").path("name").asText() + ") at " + path(e) + ": " + problem(e), e);
        }
      }
    }
    return out;
  }

  private static String path(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException m)) {
      return "?";
    }
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : m.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String problem(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "' for " + u.getReferringClass().getSimpleName();
    }
    return e.getOriginalMessage();
  }
}
