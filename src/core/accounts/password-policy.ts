/**
 * What makes a password acceptable, in one place: the store refuses shorter ones, the API's schema
 * says so, and the browser tells the user before sending.
 */
export const MIN_PASSWORD_LENGTH = 10;
