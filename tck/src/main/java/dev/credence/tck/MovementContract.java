package dev.credence.tck;

/** Contract rules (being written). */
public interface MovementContract extends KitFixture {}
