package hudson.model;

/**
 * Stand-in of Jenkins core's HealthReportingAction, as a supertype only (its {@code getBuildHealth()} is left out:
 * the plugin never calls it).
 */
public interface HealthReportingAction extends Action {}
