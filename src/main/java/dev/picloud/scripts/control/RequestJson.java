package dev.picloud.scripts.control;

import dev.picloud.platform.control.Jsonp;
import dev.picloud.runtime.control.RequestData;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A decoded request as JSON, to travel in an outbox row's payload and back. */
public final class RequestJson {
  private RequestJson() {}

  public static JsonObject toJson(RequestData request) {
    JsonObjectBuilder queryAll = Jsonp.createObjectBuilder();
    request
        .queryAll()
        .forEach(
            (name, values) -> {
              JsonArrayBuilder array = Jsonp.createArrayBuilder();
              values.forEach(array::add);
              queryAll.add(name, array);
            });
    JsonObjectBuilder json =
        Jsonp.createObjectBuilder()
            .add("method", request.method())
            .add("path", request.path())
            .add("headers", strings(request.headers()))
            .add("query", strings(request.query()))
            .add("queryAll", queryAll)
            .add("params", strings(request.params()))
            .add("rest", request.rest())
            .add("body", request.body());
    request.bodyEncoding().ifPresent(encoding -> json.add("bodyEncoding", encoding));
    request.form().ifPresent(form -> json.add("form", strings(form)));
    return json.build();
  }

  public static RequestData fromJson(JsonObject json) {
    Map<String, List<String>> queryAll = new LinkedHashMap<>();
    json.getJsonObject("queryAll")
        .forEach(
            (name, values) ->
                queryAll.put(name, values.asJsonArray().getValuesAs(JsonString::getString)));
    return new RequestData(
        json.getString("method"),
        json.getString("path"),
        strings(json.getJsonObject("headers")),
        strings(json.getJsonObject("query")),
        queryAll,
        strings(json.getJsonObject("params")),
        json.getString("rest"),
        json.get("body"),
        Optional.ofNullable(json.getString("bodyEncoding", null)),
        json.containsKey("form")
            ? Optional.of(strings(json.getJsonObject("form")))
            : Optional.empty());
  }

  private static JsonObjectBuilder strings(Map<String, String> map) {
    JsonObjectBuilder json = Jsonp.createObjectBuilder();
    map.forEach(json::add);
    return json;
  }

  private static Map<String, String> strings(JsonObject json) {
    Map<String, String> map = new LinkedHashMap<>();
    json.forEach((name, value) -> map.put(name, ((JsonString) value).getString()));
    return map;
  }
}
