import { prepararEntorno } from '../utils/entorno';

prepararEntorno('postgres');
