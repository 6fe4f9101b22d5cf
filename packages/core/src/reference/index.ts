export {
  HA_TINH_TENANT,
  HA_TINH_2021_DISTRICTS,
  HA_TINH_2021_BODIES,
  HA_TINH_2021_BODY_IDS,
  findHaTinh2021District,
} from './ha-tinh-2021.js';
