package dev.credence.tck;

/** Contract rules (being written). */
public interface CreationContract extends KitFixture {}
