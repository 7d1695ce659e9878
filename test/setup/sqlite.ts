import { prepararEntorno } from '../utils/entorno';

prepararEntorno('sqlite');
