/** A trip point of a thermal zone as sysfs shows it. */
// @ts-nocheck

// 

export interface ThermalTrip {
  index: number;
  /** °C; absent when the zone does not print it. Disabled trips read -274 or 0. */
  tempC?: number;
  /** passive (throttle), active (fan), hot, critical (shutdown). */
  type?: string;
  hystC?: number;
  line: number;
}

export interface ThermalZoneTrips {
  /** `thermal_zone0` */
  zone: string;
  line: number;
  type?: string;
  tempC?: number;
  trips: ThermalTrip[];
  /** Lowest enabled passive trip: where software throttling starts. */
  throttleC?: number;
  /** Lowest enabled critical trip: where the kernel shuts down. */
  shutdownC?: number;
}

/** `grep . /sys/class/thermal/thermal_zone<N>/...` output: every zone's type, temperature and trips. */
export interface ThermalTrips {
  file: string;
  zones: ThermalZoneTrips[];
}
