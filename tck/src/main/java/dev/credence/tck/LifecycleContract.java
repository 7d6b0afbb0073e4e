package dev.credence.tck;

/** Contract rules (being written). */
public interface LifecycleContract extends KitFixture {}
