// A survey's closing time as people read it: in the viewer's zone (surveys have no zone of their own), named the way
// events name zones (WIB/WITA/WIT, else the platform's abbreviation, else the offset). Pure given the zone.
import { viewerZone, zoneLabel, zoneOptionLabel } from '../events/zones';

/** "12 Des 2026 19.00 WIB": `formatted` (the instant as the app formats it) with the zone's short name at `iso`. */
export function withZoneName(formatted: string, iso: string, zone: string = viewerZone()): string {
  return `${formatted} ${zoneLabel(zone, iso)}`;
}

/** The builder's hint names the zone its date and time inputs are read in: "WIB · Jakarta (UTC+7)". */
export function inputZoneName(zone: string = viewerZone(), at: Date = new Date()): string {
  return zoneOptionLabel(zone, at);
}
