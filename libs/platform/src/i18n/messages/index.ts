import { registerMessages } from '../catalogue';
import { az } from './az';
import { en } from './en';
import { hy } from './hy';
import { ka } from './ka';

registerMessages('platform', { ka, az, hy, en });
