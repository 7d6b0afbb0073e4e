package dev.credence.tck;

/** Contract rules (being written). */
public interface ReductionContract extends KitFixture {}
