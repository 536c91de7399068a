package dev.picloud.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * JAX-RS owns the whole URL space of the application: the API under {@code /api/v1}, the version
 * endpoint and (later) the apps' own routes. Health, metrics and OpenAPI are served by Liberty.
 */
@ApplicationPath("/")
public class PiCloudApplication extends Application {}
